import { afterEach, describe, expect, it } from 'vitest';
import { burst } from './faults.js';
import { mapResponder } from './responders.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from './model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ModelServerOptions = {}): Promise<ModelServer> {
  server = await startModelServer(options);
  return server;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${server!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

const chat = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra });

describe('model server: wire formats', () => {
  it('answers OpenAI chat with a realistic payload and records what it received', async () => {
    await start({ responder: mapResponder({ 'What is 2+2?': 'The answer is 4.' }) });
    const { status, json } = await post('/v1/chat/completions', chat('What is 2+2?', { temperature: 0, max_tokens: 50, seed: 7, stop: ['\n\n'] }));
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id: 'chatcmpl-000000000001',
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'The answer is 4.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
    expect(server!.requests[0]).toMatchObject({ api: 'openai-chat', prompt: 'What is 2+2?', settings: { temperature: 0, maxTokens: 50, seed: 7, stop: ['\n\n'] } });
  });

  it('applies stop sequences and max tokens like a real server (Anthropic stop_reason)', async () => {
    await start({ responder: () => 'one two three. four five six' });
    const message = (extra: Record<string, unknown>) => ({ model: 'claude-3-5-sonnet-latest', max_tokens: 100, messages: [{ role: 'user', content: [{ type: 'text', text: 'count' }] }], ...extra });
    const stopped = await post('/v1/messages', message({ stop_sequences: ['.'] }));
    expect(stopped.json).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'one two three' }], stop_reason: 'stop_sequence', stop_sequence: '.' });
    const cut = await post('/v1/messages', message({ max_tokens: 2 }));
    expect(cut.json).toMatchObject({ content: [{ text: 'one two' }], stop_reason: 'max_tokens', usage: { input_tokens: 1, output_tokens: 2 } });
    const missing = await post('/v1/messages', { model: 'claude', messages: [{ role: 'user', content: 'hi' }] });
    expect(missing.status).toBe(400);
    expect(missing.json.error.type).toBe('invalid_request_error');
  });

  it('speaks the OpenAI completions and Ollama native formats', async () => {
    await start();
    const completion = await post('/v1/completions', { model: 'base', prompt: 'Q: hi\nA:', max_tokens: 5 });
    expect(completion.json).toMatchObject({ object: 'text_completion', choices: [{ text: 'echo: Q: hi\nA:', finish_reason: 'stop' }] });
    const generate = await post('/api/generate', { model: 'llama3.2', prompt: 'hello', raw: true, stream: false, options: { num_predict: 1, temperature: 0 } });
    expect(generate.json).toMatchObject({ model: 'llama3.2', response: 'echo:', done: true, done_reason: 'length', eval_count: 1, prompt_eval_count: 1 });
    const ollamaChat = await post('/api/chat', { model: 'llama3.2', messages: [{ role: 'user', content: 'hey' }], stream: false });
    expect(ollamaChat.json).toMatchObject({ message: { role: 'assistant', content: 'echo: hey' }, done_reason: 'stop' });
    expect(server!.requests.map((r) => r.api)).toEqual(['openai-completions', 'ollama-generate', 'ollama-chat']);
  });

  it('answers unknown routes with 404 and unparsable bodies with 400, recording neither', async () => {
    await start();
    expect((await post('/v1/embeddings', {})).status).toBe(404);
    const res = await fetch(`${server!.url}/v1/chat/completions`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
    expect(server!.requestCount).toBe(0);
  });

  it('rejects requests without the configured key, and unknown models with 404', async () => {
    await start({ apiKey: 'sk-test-123', knownModels: ['gpt-4o-mini'] });
    expect((await post('/v1/chat/completions', chat('x'))).status).toBe(401);
    expect((await post('/v1/chat/completions', chat('x'), { authorization: 'Bearer sk-test-123' })).status).toBe(200);
    const unknown = await post('/v1/chat/completions', { ...chat('x'), model: 'gpt-9' }, { authorization: 'Bearer sk-test-123' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('model_not_found');
  });
});

describe('model server: faults and counting', () => {
  it('plays queued faults in order, then answers normally, counting every request', async () => {
    await start({ faults: [{ kind: 'status', status: 429, retryAfter: '3' }, ...burst({ kind: 'status', status: 503 }, 2), null, { kind: 'status', status: 500 }] });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await post('/v1/chat/completions', chat(i < 3 ? 'same' : `p${i}`));
      statuses.push(res.status);
      if (i === 0) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([429, 503, 503, 200, 500, 200]);
    expect(retryAfter).toBe('3');
    expect(server!.requestCount).toBe(6);
    expect(server!.countFor('same')).toBe(3);
    expect(server!.countFor('p5')).toBe(1);
  });

  it('breaks connections: reset, truncated body, malformed JSON, missing fields', async () => {
    await start({ faults: [{ kind: 'reset' }, { kind: 'truncated' }, { kind: 'malformed-json' }, { kind: 'missing-fields' }] });
    const url = `${server!.url}/v1/chat/completions`;
    const init = () => ({ method: 'POST', body: JSON.stringify(chat('x')) });
    await expect(fetch(url, init())).rejects.toThrow(/fetch failed/);
    const truncated = await fetch(url, init());
    expect(Number(truncated.headers.get('content-length'))).toBeGreaterThan(10);
    await expect(truncated.text()).rejects.toThrow(/terminated/);
    const malformed = await (await fetch(url, init())).text();
    expect(() => JSON.parse(malformed)).toThrow();
    const hollow = JSON.parse(await (await fetch(url, init())).text());
    expect(hollow.object).toBe('chat.completion');
    expect(hollow.choices).toBeUndefined();
  });

  it('hangs until the client gives up, and close() still ends promptly', async () => {
    await start({ faults: [{ kind: 'hang' }, { kind: 'hang' }] });
    const url = `${server!.url}/api/chat`;
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: false });
    await expect(fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(100) })).rejects.toThrow(/timeout|aborted/i);
    const pending = fetch(url, { method: 'POST', body }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await server!.close();
    server = undefined;
    expect(await pending).toBe('failed');
  });

  it('picks faults per request with faultFor, and delays an answer without failing it', async () => {
    await start({ faultFor: (r) => (r.prompt === 'slow' ? { kind: 'delay', ms: 80 } : r.prompt === 'bad' ? { kind: 'status', status: 500 } : null) });
    const slow = post('/v1/chat/completions', chat('slow'));
    const fast = await post('/v1/chat/completions', chat('fast'));
    expect(fast.json.choices[0].message.content).toBe('echo: fast');
    expect((await slow).json.choices[0].message.content).toBe('echo: slow');
    expect((await post('/v1/chat/completions', chat('bad'))).status).toBe(500);
    expect(server!.requests.map((r) => r.prompt).sort()).toEqual(['bad', 'fast', 'slow']);
  });

  it('fails a seeded share of requests, identically for the same seed', async () => {
    const run = async (seed: number): Promise<number[]> => {
      await start({ faultRate: { seed, rate: 0.3, kinds: [{ kind: 'status', status: 500 }, { kind: 'status', status: 429 }] } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await post('/v1/completions', { model: 'm', prompt: `p${i}` })).status);
      await server!.close();
      server = undefined;
      return statuses;
    };
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(25);
    expect(new Set(first)).toEqual(new Set([200, 500, 429]));
    expect(await run(12)).not.toEqual(first);
  });
});
