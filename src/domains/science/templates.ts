import { defineTemplate, type Template, type TemplateTags } from '../../core/template.js';

/**
 * 15 natural ways people ask a multiple-choice science question (METHOD.md §3). Placeholders:
 * {question} the stem, {options} "A. …\nB. …\nC. …\nD. …", {options_inline} "(A) … (B) … (C) … (D) …".
 * Tags: one of each TEMPLATE_TAG_GROUPS group, in the order form, order, length, format.
 */
const t = (n: number, tags: TemplateTags, text: string, cue?: string): Template => defineTemplate('science', n, tags, text, cue);

export const scienceTemplates: readonly Template[] = [
  t(1, ['question', 'instruction-first', 'terse', 'no-format-hint'], 'Which option is correct?\n\n{question}\n{options}'),
  t(2, ['question', 'data-first', 'terse', 'format-hint'], '{question}\n{options}\n\nWhich one is it? Answer with the letter only.'),
  t(
    3,
    ['question', 'instruction-first', 'verbose', 'format-hint'],
    'Here is a multiple-choice science question. Which of the four options is the correct answer? ' +
      'Please reply with just the letter (A, B, C or D).\n\nQuestion: {question}\n{options}',
  ),
  t(
    4,
    ['question', 'data-first', 'verbose', 'no-format-hint'],
    'Question: {question}\n\nOptions:\n{options}\n\nOf the four choices listed above, which one is the correct answer ' +
      'to this science question, going by what is known in science today?',
  ),
  t(5, ['question', 'instruction-first', 'terse', 'format-hint'], "What's the right answer here (just the letter)? {question} {options_inline}"),
  t(6, ['imperative', 'instruction-first', 'terse', 'format-hint'], 'Answer with A, B, C or D.\n\n{question}\n{options}'),
  t(7, ['imperative', 'data-first', 'terse', 'no-format-hint'], '{question}\n{options}\n\nPick the correct option.', 'Correct option:'),
  t(
    8,
    ['imperative', 'instruction-first', 'verbose', 'no-format-hint'],
    'Read the following science question carefully and choose the option that answers it correctly. ' +
      'Only one of the four options is right.\n\n{question}\n\n{options}',
    'The correct option is',
  ),
  t(
    9,
    ['imperative', 'data-first', 'verbose', 'format-hint'],
    '{question}\n\n{options}\n\nThe question above comes from a school science test and has exactly one correct option. ' +
      'Select it and give your answer in the form "Answer: X", where X is A, B, C or D.',
  ),
  t(10, ['imperative', 'instruction-first', 'terse', 'no-format-hint'], 'Choose the correct answer.\n{question}\n{options}'),
  t(
    11,
    ['conversational', 'instruction-first', 'verbose', 'format-hint'],
    "Hi! I'm studying for a science exam and got stuck on this one. Could you tell me which answer is correct? " +
      'Just the letter is fine.\n\n{question}\n{options}',
  ),
  t(
    12,
    ['conversational', 'data-first', 'verbose', 'no-format-hint'],
    '{question}\n{options}\n\nMy friend and I disagree about the answer to this question from a science worksheet. ' +
      'Which option is actually right?',
    'The right answer is',
  ),
  t(13, ['conversational', 'data-first', 'terse', 'format-hint'], '{question} {options_inline}\n\nwhich one? letter only pls'),
  t(14, ['conversational', 'instruction-first', 'terse', 'no-format-hint'], 'Quick science question for you: {question}\n{options}'),
  t(
    15,
    ['conversational', 'data-first', 'verbose', 'format-hint'],
    "{question}\n\n{options}\n\nI'm putting together a quiz for my students and want to double-check the answer key. " +
      'Could you tell me which option is correct? Please reply in the format "Answer: <letter>".',
  ),
];
