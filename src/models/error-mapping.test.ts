import { describe, expect, it } from 'vitest';
import { ModelError } from './model-adapter.js';
import { abortedError, codeForStatus, errorDetail, networkFailure, type CallContext } from './error-mapping.js';
import { retryAfterMs, headerReader } from './retry-after.js';
import { redactDeep, redactText } from './redact.js';

const ctx: CallContext = { label: 'openai:gpt-4o', secrets: ['sk-secret'], endpoint: 'https://api.openai.com/v1' };

describe('codeForStatus', () => {
  it.each([
    [429, '{}', 'RATE_LIMITED'],
    [429, '{"error":{"code":"insufficient_quota"}}', 'AUTH'],
    [503, '', 'OVERLOADED'],
    [529, '', 'OVERLOADED'],
    [500, '{"error":{"type":"overloaded_error"}}', 'OVERLOADED'],
    [500, '', 'SERVER_ERROR'],
    [504, '', 'SERVER_ERROR'],
    [408, '', 'TIMEOUT'],
    [401, '', 'AUTH'],
    [403, '', 'AUTH'],
    [400, '', 'BAD_REQUEST'],
    [404, '', 'BAD_REQUEST'],
    [422, '', 'BAD_REQUEST'],
    [413, '', 'BAD_REQUEST'],
    [302, '', 'BAD_RESPONSE'],
  ] as const)('%i %s → %s', (status, body, code) => {
    expect(codeForStatus(status, body)).toBe(code);
  });
});

describe('retryAfterMs', () => {
  const from = (headers: Record<string, string>, now?: number) => retryAfterMs(headerReader(headers), now);
  it('reads seconds, fractions, HTTP dates and OpenAI retry-after-ms', () => {
    expect(from({ 'Retry-After': '7' })).toBe(7000);
    expect(from({ 'retry-after': '0.5' })).toBe(500);
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(from({ 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' }, now)).toBe(30_000);
    expect(from({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }, now)).toBe(0);
    expect(from({ 'retry-after-ms': '1250', 'retry-after': '2' })).toBe(1250);
    expect(retryAfterMs(headerReader(new Headers({ 'retry-after': '3' })))).toBe(3000);
  });
  it('ignores absent and unparsable values', () => {
    expect(from({})).toBeUndefined();
    expect(from({ 'retry-after': 'soon' })).toBeUndefined();
    expect(from({ 'retry-after': '-1' })).toBeUndefined();
  });
});

describe('networkFailure', () => {
  it('finds a connection error code anywhere in the cause chain, AggregateErrors included', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:11434'), { code: 'ECONNREFUSED' });
    expect(networkFailure(new TypeError('fetch failed', { cause: new AggregateError([refused]) }))).toMatch(/^ECONNREFUSED/);
    expect(networkFailure(new TypeError('terminated'))).toBe('terminated');
    expect(networkFailure(new SyntaxError('Unexpected token'))).toBeUndefined();
  });
});

describe('abortedError', () => {
  it('is TIMEOUT for a timeout reason and CANCELLED for any other', () => {
    const timeout = new AbortController();
    timeout.abort(new DOMException('deadline', 'TimeoutError'));
    expect(abortedError(timeout.signal, ctx).code).toBe('TIMEOUT');
    const engine = new AbortController();
    engine.abort(new ModelError('TIMEOUT', 'per-request deadline'));
    expect(abortedError(engine.signal, ctx).code).toBe('TIMEOUT');
    const user = new AbortController();
    user.abort();
    expect(abortedError(user.signal, ctx).code).toBe('CANCELLED');
  });
});

describe('errorDetail and redaction', () => {
  it('extracts the provider message from OpenAI, Anthropic and Ollama error bodies', () => {
    expect(errorDetail('{"error":{"message":"Invalid model","type":"invalid_request_error"}}')).toBe('Invalid model');
    expect(errorDetail('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')).toBe('Overloaded');
    expect(errorDetail('{"error":"model \\"x\\" not found, try pulling it first"}')).toBe('model "x" not found, try pulling it first');
    expect(errorDetail('<html>\n<body>Bad Gateway</body>\n</html>')).toBe('<html> <body>Bad Gateway</body> </html>');
  });

  it('removes every secret from text and from nested JSON, keys included', () => {
    expect(redactText('Bearer sk-secret and sk-secret', ['sk-secret'])).toBe('Bearer [redacted] and [redacted]');
    expect(redactDeep({ a: ['x sk-secret'], 'sk-secret': 1, n: 2 }, ['sk-secret'])).toEqual({ a: ['x [redacted]'], '[redacted]': 1, n: 2 });
    expect(redactText('nothing to hide', [''])).toBe('nothing to hide');
  });
});
