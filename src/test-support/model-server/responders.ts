import type { IncomingHttpHeaders } from 'node:http';
import { countTokens, type ApiName, type ReceivedSettings, type ShapedReply } from './wire-format.js';

/** One request as the server understood it; tests assert on these. */
export interface ReceivedRequest {
  /** 0-based arrival order. */
  index: number;
  api: ApiName;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  prompt: string;
  settings: ReceivedSettings;
}

export interface Reply {
  text: string;
  /** Default: "length" when max tokens cut the text, else "stop". */
  finishReason?: 'stop' | 'length';
}

/** Decides the answer. Must be deterministic for tests to be. */
export type Responder = (request: ReceivedRequest) => string | Reply | Promise<string | Reply>;

export const echoResponder: Responder = (request) => `echo: ${request.prompt}`;

/** Fixed answers by exact prompt; other prompts go to the fallback (echo by default). */
export function mapResponder(answers: Readonly<Record<string, string>> | ReadonlyMap<string, string>, fallback: Responder = echoResponder): Responder {
  const map = answers instanceof Map ? answers : new Map(Object.entries(answers));
  return (request) => map.get(request.prompt) ?? fallback(request);
}

/** Applies stop sequences (the earliest match wins) and then max tokens (words), like a real server would. */
export function shapeReply(reply: Reply, request: ReceivedRequest): ShapedReply {
  let text = reply.text;
  let finishReason: 'stop' | 'length' = reply.finishReason ?? 'stop';
  let stopSequence: string | undefined;
  let cut = -1;
  for (const stop of request.settings.stop ?? []) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at >= 0 && (cut < 0 || at < cut)) {
      cut = at;
      stopSequence = stop;
    }
  }
  if (cut >= 0) {
    text = text.slice(0, cut);
    finishReason = 'stop';
  }
  const max = request.settings.maxTokens;
  if (max !== undefined && countTokens(text) > max) {
    text = text.split(/\s+/).filter((w) => w !== '').slice(0, max).join(' ');
    finishReason = 'length';
    stopSequence = undefined;
  }
  const shaped: ShapedReply = { text, finishReason, inputTokens: countTokens(request.prompt), outputTokens: countTokens(text) };
  if (stopSequence !== undefined) shaped.stopSequence = stopSequence;
  return shaped;
}
