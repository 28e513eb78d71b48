import {
  definedOnly, EPOCH_SECONDS, idSuffix, lastUserText, optionalNumber, requireString, stopList,
  type ReceivedSettings, type ShapedReply, type WireFormat, WireRequestError,
} from './wire-format.js';

function settingsOf(body: Record<string, unknown>): ReceivedSettings {
  return definedOnly({
    temperature: optionalNumber(body['temperature'], 'temperature'),
    maxTokens: optionalNumber(body['max_tokens'] ?? body['max_completion_tokens'], 'max_tokens'),
    seed: optionalNumber(body['seed'], 'seed'),
    stop: stopList(body['stop'], 'stop'),
  });
}

function usage(reply: ShapedReply): Record<string, number> {
  return { prompt_tokens: reply.inputTokens, completion_tokens: reply.outputTokens, total_tokens: reply.inputTokens + reply.outputTokens };
}

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

function openAIError(status: number, message: string): unknown {
  const { type, code } = ERROR_TYPES[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null };
  return { error: { message, type, param: null, code } };
}

/** POST /v1/chat/completions */
export const openAIChatWire: WireFormat = {
  name: 'openai-chat',
  read: (body) => ({ model: requireString(body, 'model'), prompt: lastUserText(body['messages']), settings: settingsOf(body) }),
  success: (reply, { model, index }) => ({
    id: `chatcmpl-${idSuffix(index)}`,
    object: 'chat.completion',
    created: EPOCH_SECONDS + index,
    model,
    system_fingerprint: 'fp_reliabench',
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text, refusal: null }, logprobs: null, finish_reason: reply.finishReason }],
    usage: usage(reply),
  }),
  hollow: ({ model, index }) => ({ id: `chatcmpl-${idSuffix(index)}`, object: 'chat.completion', created: EPOCH_SECONDS + index, model }),
  error: openAIError,
};

/** POST /v1/completions */
export const openAICompletionsWire: WireFormat = {
  name: 'openai-completions',
  read: (body) => {
    const prompt = body['prompt'];
    if (typeof prompt !== 'string') throw new WireRequestError('prompt must be a string');
    return { model: requireString(body, 'model'), prompt, settings: settingsOf(body) };
  },
  success: (reply, { model, index }) => ({
    id: `cmpl-${idSuffix(index)}`,
    object: 'text_completion',
    created: EPOCH_SECONDS + index,
    model,
    choices: [{ text: reply.text, index: 0, logprobs: null, finish_reason: reply.finishReason }],
    usage: usage(reply),
  }),
  hollow: ({ model, index }) => ({ id: `cmpl-${idSuffix(index)}`, object: 'text_completion', created: EPOCH_SECONDS + index, model, choices: [] }),
  error: openAIError,
};
