import { afterEach, describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import { createAdapter } from '../create-adapter.js';
import { NEVER, request, TEST_API_KEY } from '../../test-support/model-server/adapters-under-test.js';
import { startModelServer, type ModelServer } from '../../test-support/model-server/model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const env = (url: string) => ({ ANTHROPIC_API_KEY: TEST_API_KEY, ANTHROPIC_BASE_URL: `${url}/v1` });

describe('anthropic adapter', () => {
  it('sends a Messages request with x-api-key, version header and settings; records that seed is unsupported', async () => {
    server = await startModelServer({ apiKey: TEST_API_KEY, responder: () => 'Canberra is the capital.' });
    const adapter = await createAdapter('anthropic:claude-3-5-sonnet-latest', env(server.url));
    const response = await adapter.generate(request('Capital of Australia?', { temperature: 0.5, maxTokens: 32, seed: 3, stop: ['\n\n'] }), NEVER);
    expect(response).toMatchObject({ text: 'Canberra is the capital.', finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 4 } });
    expect(response.warnings).toEqual(['unsupported: seed']);
    expect(response.raw).toMatchObject({ type: 'message', id: 'msg_01000000000001', stop_reason: 'end_turn' });
    const received = server.requests[0]!;
    expect(received.path).toBe('/v1/messages');
    expect(received.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(received.headers['anthropic-version']).toBe('2023-06-01');
    expect(received.settings).toEqual({ temperature: 0.5, maxTokens: 32, stop: ['\n\n'] });
    expect(received.body['seed']).toBeUndefined();
  });

  it('maps max_tokens to length and stop_sequence to stop', async () => {
    server = await startModelServer({ responder: () => 'one two three STOP four' });
    const adapter = await createAdapter('anthropic:claude-3-5-haiku-latest', env(server.url));
    expect((await adapter.generate(request('x', { maxTokens: 2 }), NEVER)).finishReason).toBe('length');
    const stopped = await adapter.generate(request('x', { stop: ['STOP'] }), NEVER);
    expect([stopped.text, stopped.finishReason]).toEqual(['one two three ', 'stop']);
  });

  it('refuses completion mode when it is built, naming the fix', async () => {
    const error = await createAdapter('anthropic:claude-3-5-sonnet-latest?mode=completion', { ANTHROPIC_API_KEY: TEST_API_KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReliabenchError);
    expect((error as ReliabenchError).code).toBe('BAD_MODEL_SPEC');
    expect((error as ReliabenchError).message).toMatch(/drop \?mode=completion/);
  });
});
