import { defineTemplate, type Template, type TemplateTags } from '../../core/template.js';

/**
 * The 15 anagram prompts. Placeholders: {letters} "lsetin", {letters_spaced} "l s e t i n",
 * {letters_upper} "LSETIN", {count} "6". Tags, in order: form, order, length, format.
 */
const t = (n: number, tags: TemplateTags, text: string, cue?: string): Template => defineTemplate('anagram', n, tags, text, cue);

export const ANAGRAM_TEMPLATES: readonly Template[] = [
  t(1, ['question', 'instruction-first', 'terse', 'no-format-hint'], 'What English word can you make from the letters {letters}?'),
  t(2, ['imperative', 'instruction-first', 'terse', 'format-hint'],
    'Unscramble these letters into an English word: {letters}\nReply with the word only.', 'Word:'),
  t(3, ['conversational', 'instruction-first', 'verbose', 'no-format-hint'],
    "Hey, I'm stuck on a word puzzle. I have to rearrange the letters {letters_spaced} into a real English word, using all {count} of them. Any idea what it could be?",
    'The word is'),
  t(4, ['question', 'data-first', 'terse', 'format-hint'],
    '{letters_upper}\nWhich English word do these letters spell when rearranged? Answer with just the word.'),
  t(5, ['imperative', 'data-first', 'verbose', 'no-format-hint'],
    'Letters: {letters_spaced}\n\nRearrange all of the letters above to form a single English word. Use every letter exactly once and do not add any other letters.',
    'Word:'),
  t(6, ['conversational', 'data-first', 'terse', 'format-hint'],
    '"{letters}" - can you unscramble that into a word for me? Just the word, please.', 'Unscrambled:'),
  t(7, ['question', 'instruction-first', 'verbose', 'format-hint'],
    'In a game of anagrams, each player gets a jumble of letters and has to rearrange all of them into an English word. If the jumble is {letters_upper} ({count} letters), what word can the player make? Give only the word, in lowercase.'),
  t(8, ['imperative', 'instruction-first', 'terse', 'no-format-hint'], 'Solve this anagram: {letters}', 'Solution:'),
  t(9, ['conversational', 'instruction-first', 'verbose', 'format-hint'],
    "My kid came home with a worksheet of scrambled words and I can't get this one: {letters_spaced}. It's supposed to be an ordinary English word that uses all {count} letters. What's the word? Please just tell me the word, no explanation needed.",
    'The word is'),
  t(10, ['question', 'data-first', 'verbose', 'no-format-hint'],
    '{letters_upper}\n\nThe {count} letters above are an English word with its letters mixed up. If you put them back in the right order, using every letter exactly once, what is the word?'),
  t(11, ['imperative', 'data-first', 'terse', 'format-hint'], '{letters_spaced}\nUnscramble. Output the word only.', 'Word:'),
  t(12, ['conversational', 'data-first', 'verbose', 'no-format-hint'],
    "So the jumble in today's paper is {letters_upper}. I'm pretty sure those letters make one English word if you use all of them, but I've been staring at it for ages and I'm getting nowhere. Could you help me figure out what it is?",
    'The answer is'),
  t(13, ['question', 'instruction-first', 'terse', 'format-hint'], 'Unscrambled, what word is {letters}? One word only.'),
  t(14, ['imperative', 'instruction-first', 'verbose', 'format-hint'],
    'Rearrange the following letters to form a valid English word. Use each letter exactly once and do not add or drop any letters. Respond with the word alone on a single line, with no other text.\n\nLetters: {letters_upper}',
    'Word:'),
  t(15, ['conversational', 'data-first', 'terse', 'no-format-hint'], '{letters}... any idea what word that is, unscrambled?', 'I think it is'),
];
