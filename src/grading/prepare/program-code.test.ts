import { describe, expect, it } from 'vitest';
import { stripProgramCode } from './program-code.js';

describe('stripProgramCode', () => {
  it('removes a fenced program and keeps the prose', () => {
    const r = stripProgramCode("Here's a script:\n```python\nimport sys\nprint(1)\n```\nRun it.");
    expect(r.code).toBe(true);
    expect(r.text.replace(/\s+/g, ' ').trim()).toBe("Here's a script: Run it.");
  });
  it('treats a text of mostly code lines as code', () => {
    expect(stripProgramCode('function add(a, b) {\n  return a + b;\n}\nmodule.exports = add;')).toEqual({ text: '', code: true });
  });
  it('leaves data and plain fences alone', () => {
    const data = '```\n1973-01-27\n2001-02-03\n```';
    expect(stripProgramCode(data)).toEqual({ text: data, code: false });
  });
});
