/**
 * Everything done to a response before extraction, in order: normalise characters, drop think
 * blocks, cut a completion at the stop rule, remove copies of the prompt. What was found on the way
 * (an unfinished think block, the cut, how much was echo) is kept for the avoidance rules.
 */
import type { Item } from '../../core/item.js';
import type { RenderMode } from '../../core/template.js';
import { charFlags, LT, TRAILING_SPACE, TURN_CHARS } from './char-flags.js';
import { cutContinuation, type CutReason, type CutResult } from './completion-cut.js';
import { buildEchoModel, echoShare, removeEcho } from './prompt-echo.js';
import { normaliseText } from './normalise-text.js';
import { stripProgramCode } from './program-code.js';
import { stripThinkBlocks, type ThinkResult } from './think-blocks.js';
import { anyVisible } from '../text-stats.js';

export interface Prepared {
  /** The text answers are extracted from. */
  text: string;
  /** Share of the (kept) response that was a copy of the prompt, 0–1. */
  echoShare: number;
  cut: CutReason | null;
  /** Nothing but prompt copies came before the cut: the continuation opened with a new item. */
  cutAtStart: boolean;
  thinkUnfinished: boolean;
  /** A think block with words in it was removed. */
  thought: boolean;
  /** Program code was removed (see program-code.ts). */
  code: boolean;
}

const TRAILING_SPACES = /[ \t]+$/gm;
const NO_THINK = (text: string): ThinkResult => ({ text, unfinished: false, removed: false, thoughtWords: false });
const NO_CUT = (text: string): CutResult => ({ text, rest: '', reason: null, echoFree: undefined });

export function prepareResponse(response: string, prompt: string | undefined, item: Item | undefined, mode: RenderMode): Prepared {
  let text = normaliseText(response);
  const flags = charFlags(text);
  if ((flags & TRAILING_SPACE) !== 0) text = text.replace(TRAILING_SPACES, '');
  const think = (flags & LT) !== 0 ? stripThinkBlocks(text) : NO_THINK(text);
  const echoModel = buildEchoModel(prompt, item, mode === 'completion');
  // A chat response is only cut at a new turn, which needs a colon, "[" or "<".
  const cut = mode === 'chat' && (flags & TURN_CHARS) === 0 ? NO_CUT(think.text) : cutContinuation(think.text, mode, echoModel.opening, echoModel);
  const echo = echoModel.blocks.length === 0 || cut.echoFree === true ? { text: cut.text, removed: 0 } : removeEcho(cut.text, echoModel);
  const cutAtStart = cut.reason !== null && cut.reason !== 'blank-line' && !anyVisible(echo.text);
  const code = stripProgramCode(echo.text);
  return {
    text: cutAtStart ? '' : code.text,
    echoShare: echoShare(echo.removed, echo.text),
    cut: cut.reason,
    cutAtStart,
    thinkUnfinished: think.unfinished,
    thought: think.thoughtWords,
    code: code.code,
  };
}
