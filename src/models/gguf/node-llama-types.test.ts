// @ts-ignore -- optional dependency: when it is missing this import is `any` and the runtime test below fails instead.
import type * as NodeLlamaCpp from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import type { NodeLlamaModule } from './node-llama-types.js';

/** Compile-time check: the installed node-llama-cpp satisfies the subset the adapter declares. */
export function asDeclared(real: typeof NodeLlamaCpp): NodeLlamaModule<NodeLlamaCpp.LlamaContextSequence> {
  return real;
}

describe('node-llama-cpp typings', () => {
  it('the installed module exports what the adapter uses', async () => {
    const mod = (await import('node-llama-cpp')) as Record<string, unknown>;
    expect(typeof mod['getLlama']).toBe('function');
    expect(typeof mod['LlamaCompletion']).toBe('function');
    expect(typeof mod['LlamaChatSession']).toBe('function');
  });
});
