/**
 * Everything done to a response before extraction, in order: normalise characters, drop think
 * blocks, cut a completion at the stop rule, remove copies of the prompt. What was found on the way
 * (an unfinished think block, the cut, how much was echo) is kept for the avoidance rules.
 */
import type { Item } from '../../core/item.js';
import type { RenderMode } from '../../core/template.js';
import { cutContinuation, type CutReason, promptOpening } from './completion-cut.js';
import { buildEchoModel, echoShare, type EchoModel, removeEcho } from './prompt-echo.js';
import { normaliseText } from './normalise-text.js';
import { stripProgramCode } from './program-code.js';
import { stripThinkBlocks } from './think-blocks.js';

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

interface PromptModel {
  echo: EchoModel;
  opening: string | undefined;
}

/** Cheap to build (nothing is precomputed over the prompt), so built for every response. */
function promptModel(prompt: string | undefined, item: Item | undefined, completion: boolean): PromptModel {
  const echo = buildEchoModel(prompt, item, completion);
  const opening = echo.body === '' ? undefined : promptOpening(echo.body, item?.domain === 'transforms' ? item.input['data'] : undefined);
  return { echo, opening };
}

const VISIBLE = /[\p{L}\p{N}]/u;
const TRAILING_SPACE = /[ \t]+$/gm;
const HAS_TRAILING_SPACE = /[ \t]\n|[ \t]$/;

export function prepareResponse(response: string, prompt: string | undefined, item: Item | undefined, mode: RenderMode): Prepared {
  let text = normaliseText(response);
  if (HAS_TRAILING_SPACE.test(text)) text = text.replace(TRAILING_SPACE, '');
  const think = stripThinkBlocks(text);
  const model = promptModel(prompt, item, mode === 'completion');
  const echoTest = (part: string): 'all' | 'some' | 'none' => {
    const r = removeEcho(part, model.echo);
    return r.removed === 0 ? 'none' : VISIBLE.test(r.text) ? 'some' : 'all';
  };
  const cut = cutContinuation(think.text, mode, model.opening, echoTest);
  const cutAtStart = cut.reason !== null && cut.reason !== 'blank-line' && !VISIBLE.test(removeEcho(cut.text, model.echo).text);
  const echo = model.echo.blocks.length === 0 || cut.echoFree === true ? { text: cut.text, removed: 0 } : removeEcho(cut.text, model.echo);
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
