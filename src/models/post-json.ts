import { httpError, modelError, oneLine, thrownError, type CallContext } from './error-mapping.js';
import type { Transport } from './http-transport.js';

export type { FetchLike } from './http-transport.js';

export interface JsonPost {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  transport: Transport;
  signal: AbortSignal;
  ctx: CallContext;
}

/**
 * One POST of a JSON body, for wire formats the AI SDK does not fit or does not need (raw
 * completions, OpenAI-compatible chat, Ollama's native API). Every failure becomes a ModelError:
 * abort, connection failure, a body cut off, an error status, or a 2xx whose body is not JSON.
 */
export async function postJson(post: JsonPost): Promise<{ json: unknown; status: number }> {
  let response;
  try {
    response = await post.transport.post(post.url, {
      headers: { 'content-type': 'application/json', accept: 'application/json', ...post.headers },
      body: JSON.stringify(post.body),
      signal: post.signal,
    });
  } catch (error) {
    throw thrownError(error, post.signal, post.ctx, 'connect');
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw thrownError(error, post.signal, post.ctx, 'read');
  }
  const ok = response.status >= 200 && response.status < 300;
  if (!ok) throw httpError(post.ctx, response.status, response.headers(), text);
  try {
    return { json: JSON.parse(text) as unknown, status: response.status };
  } catch (error) {
    throw modelError(post.ctx, 'BAD_RESPONSE', `HTTP ${response.status} with malformed JSON: ${oneLine(text, 120) || '(empty body)'}`, {
      status: response.status,
      cause: error,
    });
  }
}
