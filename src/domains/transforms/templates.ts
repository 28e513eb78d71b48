import { defineTemplate, type Template, type TemplateTags } from '../../core/template.js';

/**
 * The 15 transforms prompt templates [paper: 15 per domain]. Placeholders: {task} (the full
 * instruction as an imperative sentence), {task_question} (the same as a clause after "Can you …",
 * lowercase start, no final period) and {data}. The instruction never says "below"/"above", so it
 * reads right whichever side of the data it sits on.
 *
 * Tags (one per group of TEMPLATE_TAG_GROUPS):
 *   form   imperative 01–05, question 06–10, conversational 11–15
 *   order  instruction-first 01 02 05 06 07 10 11 14; data-first 03 04 08 09 12 13 15
 *   length terse 01 03 05 06 08 10 12 14; verbose 02 04 07 09 11 13 15
 *   format format-hint 02 03 05 07 08 12 13; no-format-hint 01 04 06 09 10 11 14 15
 */
const t = (n: number, tags: TemplateTags, text: string, cue?: string): Template => defineTemplate('transforms', n, tags, text, cue);

export const TRANSFORMS_TEMPLATES: readonly Template[] = [
  t(1, ['imperative', 'instruction-first', 'terse', 'no-format-hint'], '{task}\n\n{data}', 'Output:'),
  t(
    2,
    ['imperative', 'instruction-first', 'verbose', 'format-hint'],
    'Please carry out the following data transformation carefully, applying the rule to every entry. {task}\n\nInput:\n{data}\n\nReturn only the result, with no explanation or commentary.',
    'Result:',
  ),
  t(3, ['imperative', 'data-first', 'terse', 'format-hint'], '{data}\n\n{task} Output only the result.', 'Output:'),
  t(
    4,
    ['imperative', 'data-first', 'verbose', 'no-format-hint'],
    'Here is some data I need to process:\n\n{data}\n\nYour job: {task} Take care to handle every entry exactly as described, without skipping or adding anything.',
    'Answer:',
  ),
  t(5, ['imperative', 'instruction-first', 'terse', 'format-hint'], '{task} Reply with the result only.\n\n{data}', 'Result:'),
  t(6, ['question', 'instruction-first', 'terse', 'no-format-hint'], 'Can you {task_question}?\n\n{data}', 'Answer:'),
  t(
    7,
    ['question', 'instruction-first', 'verbose', 'format-hint'],
    'Could you please {task_question}? I need to paste the output straight into a report, so give me just the transformed data with no comments before or after it.\n\n{data}',
    'Output:',
  ),
  t(8, ['question', 'data-first', 'terse', 'format-hint'], '{data}\n\nCould you {task_question}? Just the result, please.', 'Result:'),
  t(
    9,
    ['question', 'data-first', 'verbose', 'no-format-hint'],
    'I have the following data:\n\n{data}\n\nWould you be able to {task_question}? I want to be sure that nothing is lost or changed beyond what I am asking for.',
    'Answer:',
  ),
  t(10, ['question', 'instruction-first', 'terse', 'no-format-hint'], 'Will you {task_question}?\n{data}', 'Output:'),
  t(
    11,
    ['conversational', 'instruction-first', 'verbose', 'no-format-hint'],
    "Hi! I'm tidying up some records for work and could really use a hand. {task} Here's what I've got:\n\n{data}\n\nThanks so much!",
    'Here you go:',
  ),
  t(12, ['conversational', 'data-first', 'terse', 'format-hint'], '{data}\n\nneed this done: {task} just the output pls', 'Output:'),
  t(
    13,
    ['conversational', 'data-first', 'verbose', 'format-hint'],
    "So a colleague just sent me this:\n\n{data}\n\nI have to pass it on in a different shape. {task} Please reply with only the final result so I can copy it in directly, no explanation needed.",
    'Result:',
  ),
  t(14, ['conversational', 'instruction-first', 'terse', 'no-format-hint'], 'Hey, quick one. {task}\n\n{data}', 'Sure:'),
  t(
    15,
    ['conversational', 'data-first', 'verbose', 'no-format-hint'],
    "{data}\n\nThat's the list I'm working with. I was hoping you could {task_question}. I've been staring at it for ages and keep making mistakes.",
    'Here it is:',
  ),
];
