import { describe, expect, it } from 'vitest';
import { additionItem, itemsOf, promptFor } from '../test-support/items.js';
import { buildEchoModel, echoShare, removeEcho } from './prompt-echo.js';

describe('prompt echo removal', () => {
  const item = additionItem('2000', '2005');
  const prompt = promptFor(item, 1, 'completion');
  const model = buildEchoModel(prompt, item, true);

  it('keeps the completion cue out of the prompt body', () => {
    expect(model.cue).toBe('Answer:');
    expect(model.body).toBe('What is 2000 + 2005?');
  });
  it('removes a repeated prompt and measures how much of the response it was', () => {
    const r = removeEcho('What is 2000 + 2005?\nWhat is 2000 + 2005?', model);
    expect(r.text.trim()).toBe('');
    expect(echoShare(r.removed, r.text)).toBe(1);
  });
  it('keeps what follows the echo', () => {
    expect(removeEcho('What is 2000 + 2005? It is 4005.', model).text.trim()).toBe('It is 4005.');
  });
  it('removes a line copied from inside a prompt line (a partial echo)', async () => {
    const [anagram] = await itemsOf('anagram', 1);
    const p = promptFor(anagram!, 5, 'completion');
    const m = buildEchoModel(p, anagram, true);
    const r = removeEcho(`Letters: ${anagram!.input['letters_spaced']}\n\nRearrange all of the letters above`, m);
    expect(r.text.trim()).toBe('');
  });
  it('never removes one science option line (naming an option is an answer) but removes the whole list', async () => {
    const [sci] = await itemsOf('science', 1);
    const p = promptFor(sci!, 1, 'chat');
    const m = buildEchoModel(p, sci, false);
    const line = (sci!.input['options'] as string).split('\n')[2] as string;
    expect(removeEcho(line, m).text.trim()).toBe(line);
    expect(removeEcho(sci!.input['options'] as string, m).text.trim()).toBe('');
  });
  it('never removes one transforms data line, but removes the whole data block in completion mode', async () => {
    const items = await itemsOf('transforms', 30);
    const item2 = items.find((i) => (i.input['data'] as string).split('\n').length > 2 && (i.input['data'] as string).includes(' '))!;
    const m = buildEchoModel(promptFor(item2, 1, 'completion'), item2, true);
    const first = (item2.input['data'] as string).split('\n')[0] as string;
    expect(removeEcho(first, m).text.trim()).toBe(first);
    expect(removeEcho(item2.input['data'] as string, m).text.trim()).toBe('');
  });
  it('matches only at word boundaries', () => {
    const m = buildEchoModel('Add the numbers now please.', undefined, false);
    expect(removeEcho('xAdd the numbers now please.', m).text).toBe('xAdd the numbers now please.');
  });
});
