import { describe, expect, it } from 'vitest';
import { findPhrases, type PhraseFamily } from './phrases.js';

const family = (text: string, f: PhraseFamily): string | undefined => findPhrases(text).get(f)?.text;

describe('avoidance phrases', () => {
  it.each([
    ["I'm sorry, but I can't help with that.", 'refusal'],
    ["I won't do that.", 'refusal'],
    ['That would violate my content policy.', 'refusal'],
    ["I'd rather not give away the answer to a contest puzzle.", 'refusal'],
    ['I must decline: the data may contain personal information.', 'refusal'],
    ["I don't know.", 'inability'],
    ['I can\u2019t compute that exactly.'.replace('\u2019', "'"), 'inability'],
    ["I'm not able to process this much data reliably.", 'inability'],
    ['idk, sorry', 'inability'],
    ["That's beyond what I know.", 'inability'],
    ["I won't guess.", 'decline'],
    ["I'd only be guessing.", 'decline'],
    ["I'm not sure, but maybe 4005.", 'hedge'],
    ['Could you clarify which format you want?', 'clarification'],
    ['Do you mean the sum or the product?', 'clarification'],
    ["Let's think step by step.", 'meta'],
    ['To solve this, line up the digits.', 'meta'],
    ['Once upon a time there was a fox.', 'off-topic'],
    ['<html><body></body></html>', 'off-topic'],
  ] as [string, PhraseFamily][])('%j → %s', (text, f) => {
    expect(family(text, f)).toBeDefined();
  });

  it('does not take offers or statements for clarification', () => {
    expect(family('Villeurbanne is close. Would you like more suggestions?', 'clarification')).toBeUndefined();
    expect(family('Which one is right: B. Do you mean it.', 'clarification')).toBeUndefined();
  });

  it('does not call a qualified "I can\'t do this reliably" a refusal', () => {
    expect(family("I can't do this reliably.", 'refusal')).toBeUndefined();
    expect(family("I can't do this reliably.", 'inability')).toBeDefined();
  });

  it('does not read science words as refusals', () => {
    expect(family('CFCs are harmful to the ozone layer, so the answer is C.', 'refusal')).toBeUndefined();
  });
});
