import { describe, expect, it } from 'vitest';
import { ModelError } from '../model-adapter.js';
import { chatTemplateOf, cutAtStop, finishReasonOf, generationOptions, requestError, StopWatcher } from './gguf-generation.js';

const ctx = { label: 'gguf:./m.gguf', secrets: [], endpoint: 'the in-process model' };

describe('StopWatcher', () => {
  it('aborts once a stop sequence appears, even split across chunks', () => {
    const watcher = new StopWatcher(['\n\n', 'Answer:']);
    for (const chunk of ['The sum', ' is 4.', '\n']) watcher.onTextChunk(chunk);
    expect(watcher.signal.aborted).toBe(false);
    watcher.onTextChunk('\nMore');
    expect(watcher.signal.aborted).toBe(true);
    const split = new StopWatcher(['Answer:']);
    for (const chunk of ['Ans', 'wer', ':']) split.onTextChunk(chunk);
    expect(split.signal.aborted).toBe(true);
  });

  it('ignores empty stop strings and does nothing without stops', () => {
    const watcher = new StopWatcher(['', '']);
    expect(watcher.stops).toEqual([]);
    watcher.onTextChunk('anything');
    expect(watcher.signal.aborted).toBe(false);
  });
});

describe('cutAtStop', () => {
  it('cuts before the earliest stop sequence, keeping spaces before it', () => {
    expect(cutAtStop('a girl named Lily. She', ['Lily', '. '])).toEqual({ text: 'a girl named ', stopped: true });
    expect(cutAtStop('no stops here', ['zz'])).toEqual({ text: 'no stops here', stopped: false });
    expect(cutAtStop('x', [])).toEqual({ text: 'x', stopped: false });
  });
});

describe('generationOptions', () => {
  it('greedy without repeat penalty; seed only when given; the watcher’s signal joins the caller’s only when stops exist', () => {
    const caller = new AbortController();
    const plain = generationOptions({ temperature: 0, maxTokens: 7 }, caller.signal, new StopWatcher(undefined));
    expect(plain).toMatchObject({ temperature: 0, maxTokens: 7, repeatPenalty: false, stopOnAbortSignal: true });
    expect(plain.signal).toBe(caller.signal);
    expect('seed' in plain).toBe(false);
    expect(plain.onTextChunk).toBeUndefined();
    const watcher = new StopWatcher(['END']);
    const withStop = generationOptions({ temperature: 0.7, maxTokens: 7, seed: 3, stop: ['END'] }, caller.signal, watcher);
    expect(withStop.seed).toBe(3);
    watcher.onTextChunk('THE END');
    expect(withStop.signal?.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });
});

describe('mappings', () => {
  it('finish reasons', () => {
    expect(finishReasonOf('eogToken')).toBe('stop');
    expect(finishReasonOf('stopGenerationTrigger')).toBe('stop');
    expect(finishReasonOf('maxTokens')).toBe('length');
    expect(finishReasonOf('abort')).toBe('other');
  });

  it('the chat template comes from tokenizer.chat_template only', () => {
    expect(chatTemplateOf({ tokenizer: { chat_template: '{{ x }}' } })).toBe('{{ x }}');
    expect(chatTemplateOf({ tokenizer: { chat_template: '  ' } })).toBeUndefined();
    expect(chatTemplateOf({ tokenizer: { ggml: {} } })).toBeUndefined();
    expect(chatTemplateOf(undefined)).toBeUndefined();
  });

  it('request errors: the signal first, then context overflow, then a retryable llama.cpp failure', () => {
    const timedOut = new AbortController();
    timedOut.abort(new DOMException('deadline', 'TimeoutError'));
    expect(requestError(new Error('x'), timedOut.signal, ctx).code).toBe('TIMEOUT');
    const live = new AbortController().signal;
    const overflow = requestError(new Error('The context size is too small to fit the prompt'), live, ctx);
    expect(overflow).toBeInstanceOf(ModelError);
    expect(overflow.code).toBe('BAD_REQUEST');
    expect(overflow.message).toMatch(/^gguf:\.\/m\.gguf: .*raise contextSize/);
    const other = requestError(new Error('ggml_abort\ntrace'), live, ctx);
    expect(other.code).toBe('SERVER_ERROR');
    expect(other.retryable).toBe(true);
    expect(other.message).not.toContain('\n');
  });
});
