import { describe, expect, it } from 'vitest';
import { getDomain } from '../domains/registry.js';
import { generateItems } from '../generate/generate-items.js';
import { shapeReply } from '../test-support/model-server/responders.js';
import type { ReceivedRequest } from '../test-support/model-server/responders.js';
import { completionStops, DEFAULT_MAX_TOKENS, defaultSettings, requestSettings } from './stop-rule.js';
import { renderPrompt } from '../core/template.js';

/** What a server does with our stops (the model server applies them like a real one). */
function cut(text: string, stop: string[]): string {
  return shapeReply({ text }, { prompt: '', settings: { stop } } as unknown as ReceivedRequest).text;
}

describe('default settings', () => {
  it('temperature 0 and the documented max tokens per domain, overridable', () => {
    const s = defaultSettings({ maxTokens: { transforms: 4096 }, seed: 3 });
    expect(s.addition).toEqual({ temperature: 0, maxTokens: DEFAULT_MAX_TOKENS.addition, seed: 3 });
    expect(s.transforms.maxTokens).toBe(4096);
    expect(Object.keys(s).sort()).toEqual(['addition', 'anagram', 'locality', 'science', 'transforms']);
  });
});

describe('the completion stop rule', async () => {
  const { items } = await generateItems({ domains: ['addition', 'transforms'], perDomain: 300, seed: 5 });
  const transforms = getDomain('transforms');
  const addition = getDomain('addition');
  const addItem = items.find((i) => i.domain === 'addition')!;

  it('is a blank line and a new cue line, merged before the user’s stops, only in completion mode', () => {
    const entry = { key: 'm', settings: defaultSettings({ stop: ['END', '\n\n'] }) };
    const trial = { item: addItem, template: addition.templates[0]!, mode: 'completion' as const };
    expect(completionStops(trial)).toEqual(['\n\n', '\nAnswer:']);
    expect(requestSettings(entry, trial).stop).toEqual(['\n\n', '\nAnswer:', 'END']);
    expect(requestSettings(entry, { ...trial, mode: 'chat' }).stop).toEqual(['END', '\n\n']);
    expect(requestSettings({ ...entry, defaultStops: false }, trial).stop).toEqual(['END', '\n\n']);
    const filledCue = completionStops({ item: addItem, template: addition.templates[3]! })[1]!;
    expect(filledCue).toBe(`\n${addItem.input['a']} + ${addItem.input['b']} =`);
  });

  it('cuts a base model’s run-on into the next question', () => {
    const trial = { item: addItem, template: addition.templates[0]!, mode: 'completion' as const };
    const stops = completionStops(trial);
    expect(cut(' 579\n\nWhat is 2 + 2?\n\nAnswer: 4', stops)).toBe(' 579');
    expect(cut(' 579\nWhat is 2 + 2?\nAnswer: 4', stops)).toBe(' 579\nWhat is 2 + 2?');
  });

  it('never cuts a multi-line transforms answer: no gold output contains a blank line or a cue line', () => {
    const golds = items.filter((i) => i.domain === 'transforms');
    let multiLine = 0;
    for (const it of golds) {
      const output = (it.gold as { output: string }).output;
      if (output.includes('\n')) multiLine++;
      for (const template of transforms.templates) {
        const prompt = renderPrompt(template, it.input, 'completion');
        expect(prompt.endsWith(template.cue)).toBe(true);
        expect(cut(` ${output}\n\n${prompt}`, completionStops({ item: it, template }))).toBe(` ${output}`);
      }
    }
    expect(multiLine).toBeGreaterThan(100);
  });
});
