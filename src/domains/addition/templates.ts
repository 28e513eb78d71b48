import { defineTemplate, type Template, type TemplateTags } from '../../core/template.js';

/** Tags, in order: form, order, length, format (see TEMPLATE_TAG_GROUPS). */
const t = (n: number, tags: TemplateTags, text: string, cue?: string): Template => defineTemplate('addition', n, tags, text, cue);

export const ADDITION_TEMPLATES: readonly Template[] = [
  t(1, ['question', 'instruction-first', 'terse', 'no-format-hint'], 'What is {a} + {b}?'),
  t(2, ['imperative', 'instruction-first', 'terse', 'format-hint'], 'Add {a} and {b}. Reply with the number only.'),
  t(3, ['conversational', 'instruction-first', 'verbose', 'no-format-hint'],
    "Hi! I'm checking my homework and I need to add two big numbers together: {a} and {b}. Could you tell me what they add up to?"),
  t(4, ['question', 'data-first', 'terse', 'no-format-hint'], '{a} + {b} = ?', '{a} + {b} ='),
  t(5, ['imperative', 'data-first', 'verbose', 'format-hint'],
    'First number: {a}\nSecond number: {b}\n\nCompute the exact sum of the two numbers above, digit by digit if you need to. Give only the final sum as digits, without commas or spaces.',
    'Sum:'),
  t(6, ['conversational', 'data-first', 'terse', 'no-format-hint'], '{a} and {b} - can you add these up for me?'),
  t(7, ['question', 'instruction-first', 'verbose', 'format-hint'],
    'What do you get when you add the following two integers together? Please write the answer as a plain number with no separators.\n\n{a}\n{b}'),
  t(8, ['imperative', 'instruction-first', 'terse', 'no-format-hint'], 'Calculate {a} plus {b}.', 'Result:'),
  t(9, ['conversational', 'instruction-first', 'terse', 'format-hint'], 'Quick one: sum of {a} and {b}? Just the number please.'),
  t(10, ['question', 'data-first', 'verbose', 'format-hint'],
    'I have two numbers, {a} and {b}. If I add them together, what is the total? Answer with the exact integer only.',
    'Total:'),
  t(11, ['imperative', 'data-first', 'terse', 'format-hint'], '  {a}\n+ {b}\n\nSum only, no explanation.', 'Sum:'),
  t(12, ['conversational', 'data-first', 'verbose', 'no-format-hint'],
    "My spreadsheet can't handle numbers this long, so I'm stuck. The first value is {a} and the second is {b}. I'd really appreciate it if you could work out their sum for me.",
    'The sum is'),
  t(13, ['imperative', 'instruction-first', 'verbose', 'no-format-hint'],
    'Please add the following two whole numbers carefully, keeping track of every carry, and tell me the result.\n\n{a}\n{b}'),
  t(14, ['question', 'data-first', 'verbose', 'no-format-hint'],
    'Consider the numbers {a} and {b}. What is the sum of these two numbers, exactly?'),
  t(15, ['conversational', 'instruction-first', 'verbose', 'format-hint'],
    "Hey, could you help me out with an addition? I need the exact total of {a} and {b}. Please put the final answer on its own line as 'Answer: <number>'."),
];
