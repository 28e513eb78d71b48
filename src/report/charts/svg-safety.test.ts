import { describe, expect, it } from 'vitest';
import { assertSafeSvg, UnsafeSvgError } from './svg-safety.js';

const ok = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><path d="M0,0h1"/><text x="1">&lt;script&gt; a onload=b</text></g></svg>';

describe('assertSafeSvg', () => {
  it('accepts drawing elements and escaped text that merely mentions markup', () => {
    expect(() => assertSafeSvg(ok)).not.toThrow();
  });

  it.each([
    ['a script element', '<svg><script>alert(1)</script></svg>'],
    ['foreignObject', '<svg><foreignObject><div/></foreignObject></svg>'],
    ['an event handler', '<svg><g onload="alert(1)"></g></svg>'],
    ['an event handler after a quoted value', '<svg><rect fill="a" onclick=alert(1)/></svg>'],
    ['an image link', '<svg><image href="http://example.com/x.png"/></svg>'],
    ['a link attribute on an allowed element', '<svg><path xlink:href="http://example.com/"/></svg>'],
    ['a doctype', '<!DOCTYPE svg><svg></svg>'],
  ])('rejects %s', (_, svg) => {
    expect(() => assertSafeSvg(svg)).toThrow(UnsafeSvgError);
  });
});
