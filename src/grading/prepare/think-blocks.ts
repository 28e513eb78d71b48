/**
 * Reasoning models write their scratch work in a think block; only what follows it is the answer
 * (intermediate numbers inside the block must never be graded). Tags: <think>, <thinking>,
 * <reasoning>, <thought>, and <|begin_of_thought|> … <|end_of_thought|>.
 */
import { matchesOf } from '../regex-scan.js';

const CLOSED = /<(think|thinking|reasoning|thought)>[\s\S]*?<\/\1>|<\|begin_of_thought\|>[\s\S]*?<\|end_of_thought\|>/gi;
const ORPHAN_CLOSE = /<\/(?:think|thinking|reasoning|thought)>|<\|end_of_thought\|>/gi;
const UNCLOSED_OPEN = /<(?:think|thinking|reasoning|thought)>|<\|begin_of_thought\|>/i;
const SOLUTION_TAGS = /<\|(?:begin|end)_of_solution\|>|<\/?(?:answer|solution|output)>/gi;
const WORDS = /[\p{L}\p{N}]/u;
const TAG_TEXT = /<[^>]*>/g;
const ANY_TAG = /<\/?(?:think|thinking|reasoning|thought|answer|solution|output)>|<\|(?:begin|end)_of_(?:thought|solution)\|>/i;

export interface ThinkResult {
  text: string;
  /** A think block was opened and never closed: the model stopped while still thinking. */
  unfinished: boolean;
  /** Some thinking was removed. */
  removed: boolean;
  /** The removed thinking had words in it (an empty <think></think> is no thinking). */
  thoughtWords: boolean;
}

export function stripThinkBlocks(text: string): ThinkResult {
  if (!ANY_TAG.test(text)) return { text, unfinished: false, removed: false, thoughtWords: false };
  let thoughtWords = false;
  let t = text.replace(CLOSED, (block) => {
    thoughtWords ||= WORDS.test(block.replace(TAG_TEXT, ''));
    return '\n';
  });
  let removed = t !== text;
  // A close tag without its opening (servers that drop the opening tag): everything before it is thinking.
  let lastClose = -1;
  for (const m of matchesOf(ORPHAN_CLOSE, t)) lastClose = m.index + m[0].length;
  if (lastClose >= 0) {
    thoughtWords ||= WORDS.test(t.slice(0, lastClose).replace(TAG_TEXT, ''));
    t = t.slice(lastClose);
    removed = true;
  }
  let unfinished = false;
  const open = UNCLOSED_OPEN.exec(t);
  if (open) {
    thoughtWords ||= WORDS.test(t.slice(open.index).replace(TAG_TEXT, ''));
    t = t.slice(0, open.index);
    unfinished = true;
    removed = true;
  }
  return { text: t.replace(SOLUTION_TAGS, '\n'), unfinished, removed, thoughtWords };
}
