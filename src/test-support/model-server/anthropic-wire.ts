import {
  definedOnly, idSuffix, lastUserText, optionalNumber, requireString, stopList, WireRequestError, type WireFormat,
} from './wire-format.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** POST /v1/messages (Anthropic Messages API, anthropic-version 2023-06-01). */
export const anthropicMessagesWire: WireFormat = {
  name: 'anthropic-messages',
  read: (body) => {
    const maxTokens = optionalNumber(body['max_tokens'], 'max_tokens');
    if (maxTokens === undefined) throw new WireRequestError('max_tokens: Field required');
    return {
      model: requireString(body, 'model'),
      prompt: lastUserText(body['messages']),
      settings: definedOnly({
        temperature: optionalNumber(body['temperature'], 'temperature'),
        maxTokens,
        stop: stopList(body['stop_sequences'], 'stop_sequences'),
      }),
    };
  },
  success: (reply, { model, index }) => ({
    id: `msg_01${idSuffix(index)}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: reply.text }],
    stop_reason: reply.finishReason === 'length' ? 'max_tokens' : reply.stopSequence !== undefined ? 'stop_sequence' : 'end_turn',
    stop_sequence: reply.stopSequence ?? null,
    usage: { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  }),
  hollow: ({ model, index }) => ({ id: `msg_01${idSuffix(index)}`, type: 'message', role: 'assistant', model }),
  error: (status, message) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'), message } }),
};
