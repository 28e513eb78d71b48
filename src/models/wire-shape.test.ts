import { describe, expect, it } from 'vitest';
import { ModelError } from './model-adapter.js';
import type { CallContext } from './error-mapping.js';
import { number, readWire, string, type Shape } from './wire-shape.js';
import { ChatResponse } from './openai-compatible/chat-request.js';
import { CompletionsResponse } from './openai-compatible/completions-request.js';
import { ChatResponse as OllamaChat, GenerateResponse as OllamaGenerate } from './ollama/ollama-adapter.js';

const ctx: CallContext = { label: 'test:m', secrets: [], endpoint: 'http://127.0.0.1:1' };

/** The dotted field a rejected body is blamed on, after checking the whole error is the documented BAD_RESPONSE. */
function blamedField(shape: Shape<unknown>, body: unknown): string {
  let thrown: unknown;
  try {
    readWire(shape, body, 200, ctx);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ModelError);
  const error = thrown as ModelError;
  expect([error.code, error.status, error.retryable]).toEqual(['BAD_RESPONSE', 200, true]);
  const match = /^test:m: HTTP 200 body lacks a usable field (\S+): \S/.exec(error.message);
  expect(match, error.message).not.toBeNull();
  return match![1]!;
}

const answer = { message: { content: 'Paris' }, finish_reason: 'stop' };

describe('OpenAI-compatible chat body', () => {
  it.each<[string, unknown, string]>([
    ['null body', null, '(body)'],
    ['array body', [answer], '(body)'],
    ['string body', 'Paris', '(body)'],
    ['no choices', {}, 'choices'],
    ['choices not an array', { choices: { 0: answer } }, 'choices'],
    ['choices = []', { choices: [] }, 'choices'],
    ['choices[0] = null', { choices: [null] }, 'choices.0'],
    ['choices[0] an array', { choices: [[answer]] }, 'choices.0'],
    ['no message', { choices: [{ finish_reason: 'stop' }] }, 'choices.0.message'],
    ['content = 5', { choices: [{ message: { content: 5 } }] }, 'choices.0.message.content'],
    ['finish_reason = 3', { choices: [{ message: { content: 'a' }, finish_reason: 3 }] }, 'choices.0.finish_reason'],
    ['a bad later choice', { choices: [answer, { message: { content: 1 } }] }, 'choices.1.message.content'],
    ['usage = "x"', { choices: [answer], usage: 'x' }, 'usage'],
    ['usage.prompt_tokens = "3"', { choices: [answer], usage: { prompt_tokens: '3', completion_tokens: 1 } }, 'usage.prompt_tokens'],
    ['usage.completion_tokens = true', { choices: [answer], usage: { prompt_tokens: 3, completion_tokens: true } }, 'usage.completion_tokens'],
    // The first problem in declared order is named, whatever order the body's keys arrive in.
    ['choices before usage', { usage: 'x', choices: [] }, 'choices'],
    ['message before finish_reason', { choices: [{ finish_reason: 5, message: null }] }, 'choices.0.message'],
    ['prompt before completion tokens', { choices: [answer], usage: { completion_tokens: 'b', prompt_tokens: 'a' } }, 'usage.prompt_tokens'],
  ])('%s → %s', (_label, body, field) => {
    expect(blamedField(ChatResponse, body)).toBe(field);
  });

  it('accepts null or absent content, finish_reason, usage and counts (reasoning-only answers, terse servers)', () => {
    expect(readWire(ChatResponse, { choices: [{ message: { content: null }, finish_reason: null }], usage: null }, 200, ctx).choices[0].message.content).toBeNull();
    expect(readWire(ChatResponse, { choices: [{ message: {} }] }, 200, ctx).choices[0].message.content).toBeUndefined();
    expect(readWire(ChatResponse, { choices: [answer], usage: { prompt_tokens: null } }, 200, ctx).usage).toEqual({ prompt_tokens: null, completion_tokens: undefined });
  });

  it('ignores fields it does not read, and leaves them out of what it returns', () => {
    const body = { id: 'x', object: 'chat.completion', choices: [{ ...answer, index: 0, logprobs: null, message: { role: 'assistant', content: 'Paris', reasoning_content: 7 } }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 'four' } };
    expect(readWire(ChatResponse, body, 200, ctx)).toEqual({
      choices: [{ message: { content: 'Paris' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 1 },
    });
  });
});

describe('OpenAI-compatible completions body', () => {
  it.each<[string, unknown, string]>([
    ['null body', null, '(body)'],
    ['choices = []', { choices: [] }, 'choices'],
    ['text null (unlike chat content)', { choices: [{ text: null }] }, 'choices.0.text'],
    ['text absent', { choices: [{ finish_reason: 'stop' }] }, 'choices.0.text'],
    ['usage.prompt_tokens = "3"', { choices: [{ text: 'a' }], usage: { prompt_tokens: '3' } }, 'usage.prompt_tokens'],
  ])('%s → %s', (_label, body, field) => {
    expect(blamedField(CompletionsResponse, body)).toBe(field);
  });

  it('reads text, finish reason and usage', () => {
    expect(readWire(CompletionsResponse, { choices: [{ text: ' 4', finish_reason: 'length' }], usage: { prompt_tokens: 2, completion_tokens: 1 } }, 200, ctx)).toEqual({
      choices: [{ text: ' 4', finish_reason: 'length' }],
      usage: { prompt_tokens: 2, completion_tokens: 1 },
    });
  });
});

describe('Ollama native bodies', () => {
  it.each<[string, Shape<unknown>, unknown, string]>([
    ['chat: array body', OllamaChat, [], '(body)'],
    ['chat: no message', OllamaChat, { response: 'x' }, 'message'],
    ['chat: content null', OllamaChat, { message: { content: null } }, 'message.content'],
    ['chat: eval_count = "2"', OllamaChat, { message: { content: 'x' }, eval_count: '2' }, 'eval_count'],
    ['chat: prompt_eval_count is declared first', OllamaChat, { message: { content: 'x' }, eval_count: '2', prompt_eval_count: '1' }, 'prompt_eval_count'],
    ['chat: done_reason = 1', OllamaChat, { message: { content: 'x' }, done_reason: 1 }, 'done_reason'],
    ['generate: response = 5', OllamaGenerate, { response: 5 }, 'response'],
    ['generate: chat-shaped body', OllamaGenerate, { message: { content: 'x' } }, 'response'],
  ])('%s → %s', (_label, shape, body, field) => {
    expect(blamedField(shape, body)).toBe(field);
  });

  it('accepts absent or null counts and done_reason', () => {
    expect(readWire(OllamaGenerate, { response: 'hi', done: true, prompt_eval_count: null }, 200, ctx)).toEqual({ response: 'hi', prompt_eval_count: null, eval_count: undefined, done_reason: undefined });
  });
});

describe('primitive shapes', () => {
  it('number refuses NaN and the infinities, which no JSON body carries', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(blamedField(number, value)).toBe('(body)');
  });

  it('string refuses numbers, booleans, objects and nothing', () => {
    for (const value of [0, false, {}, undefined]) expect(blamedField(string, value)).toBe('(body)');
  });

  it('names the HTTP status the body came with', () => {
    expect(() => readWire(ChatResponse, {}, 201, ctx)).toThrow('test:m: HTTP 201 body lacks a usable field choices: expected an array, got nothing');
  });
});
