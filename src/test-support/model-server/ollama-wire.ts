import {
  definedOnly, EPOCH_SECONDS, lastUserText, optionalNumber, requireString, stopList, WireRequestError,
  type ReceivedSettings, type ShapedReply, type WireFormat,
} from './wire-format.js';

function settingsOf(body: Record<string, unknown>): ReceivedSettings {
  const options = body['options'];
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new WireRequestError('options must be an object');
  const o = options as Record<string, unknown>;
  return definedOnly({
    temperature: optionalNumber(o['temperature'], 'options.temperature'),
    maxTokens: optionalNumber(o['num_predict'], 'options.num_predict'),
    seed: optionalNumber(o['seed'], 'options.seed'),
    stop: stopList(o['stop'], 'options.stop'),
  });
}

function createdAt(index: number): string {
  return new Date((EPOCH_SECONDS + index) * 1000).toISOString();
}

/** Realistic nanosecond timings, fixed so payloads are deterministic. */
function timings(reply: ShapedReply): Record<string, unknown> {
  return {
    done: true,
    done_reason: reply.finishReason,
    total_duration: 512_000_000,
    load_duration: 12_000_000,
    prompt_eval_count: reply.inputTokens,
    prompt_eval_duration: 80_000_000,
    eval_count: reply.outputTokens,
    eval_duration: 400_000_000,
  };
}

const ollamaError = (_status: number, message: string): unknown => ({ error: message });

/** POST /api/chat with stream: false */
export const ollamaChatWire: WireFormat = {
  name: 'ollama-chat',
  read: (body) => ({ model: requireString(body, 'model'), prompt: lastUserText(body['messages']), settings: settingsOf(body) }),
  success: (reply, { model, index }) => ({ model, created_at: createdAt(index), message: { role: 'assistant', content: reply.text }, ...timings(reply) }),
  hollow: ({ model, index }) => ({ model, created_at: createdAt(index), done: true }),
  error: ollamaError,
};

/** POST /api/generate with stream: false (raw: true skips the model's template) */
export const ollamaGenerateWire: WireFormat = {
  name: 'ollama-generate',
  read: (body) => {
    const prompt = body['prompt'];
    if (typeof prompt !== 'string') throw new WireRequestError('prompt must be a string');
    return { model: requireString(body, 'model'), prompt, settings: settingsOf(body) };
  },
  success: (reply, { model, index }) => ({ model, created_at: createdAt(index), response: reply.text, ...timings(reply), context: [1, 2, 3] }),
  hollow: ({ model, index }) => ({ model, created_at: createdAt(index), done: true }),
  error: ollamaError,
};
