import { describe, expect, it } from 'vitest';
import { ReliabenchError } from '../../core/errors.js';
import { createGgufAdapter } from './gguf-adapter.js';
import { loadNodeLlamaCpp, prebuiltPackage, sharedLlama } from './load-node-llama.js';
import type { NodeLlama, NodeLlamaModule } from './node-llama-types.js';
import { ggufSpec, TINY_MODEL } from './test-support/tiny-model.js';

function notInstalled(): Promise<never> {
  // What Node throws for `import('node-llama-cpp')` when the package is absent.
  return Promise.reject(Object.assign(new Error("Cannot find package 'node-llama-cpp' imported from /x/load-node-llama.js"), { code: 'ERR_MODULE_NOT_FOUND' }));
}

async function failure(promise: Promise<unknown>): Promise<ReliabenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReliabenchError);
  return error as ReliabenchError;
}

function fakeModule(getLlama: NodeLlamaModule['getLlama']): NodeLlamaModule {
  return { getLlama, LlamaCompletion: class {} as never, LlamaChatSession: class {} as never };
}

describe('loading the optional node-llama-cpp', () => {
  it('loads the installed package', async () => {
    const mod = await loadNodeLlamaCpp();
    expect(typeof mod.getLlama).toBe('function');
  });

  it('a missing package is PROVIDER_UNAVAILABLE with one line naming the install command', async () => {
    const error = await failure(loadNodeLlamaCpp(notInstalled));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toContain('is not installed');
    expect(error.message).toContain('npm i node-llama-cpp@3.21.1');
    expect(error.message).toContain('openai-compatible:');
    expect(error.message).not.toContain('\n');
  });

  it('a package that loads but is broken or not node-llama-cpp is PROVIDER_UNAVAILABLE too', async () => {
    const broken = await failure(loadNodeLlamaCpp(() => Promise.reject(new Error('libllama.so: cannot open shared object file\nmore'))));
    expect(broken.code).toBe('PROVIDER_UNAVAILABLE');
    expect(broken.message).toContain('could not be loaded (libllama.so: cannot open shared object file)');
    const wrong = await failure(loadNodeLlamaCpp(() => Promise.resolve({ default: {} })));
    expect(wrong.code).toBe('PROVIDER_UNAVAILABLE');
    expect(wrong.message).toContain('npm i node-llama-cpp@3.21.1');
  });

  it('createGgufAdapter fails with it before reading or downloading anything', async () => {
    let fetched = false;
    const fetchSpy = (() => {
      fetched = true;
      return Promise.reject(new Error('no network in this test'));
    }) as typeof fetch;
    const local = await failure(createGgufAdapter(ggufSpec(`gguf:${TINY_MODEL}`), { importer: notInstalled }));
    expect(local.code).toBe('PROVIDER_UNAVAILABLE');
    const remote = await failure(createGgufAdapter(ggufSpec('gguf:hf:user/repo/model.gguf'), { importer: notInstalled, fetch: fetchSpy, cacheDir: '/nonexistent' }));
    expect(remote.code).toBe('PROVIDER_UNAVAILABLE');
    expect(fetched).toBe(false);
  });
});

describe('the process-wide Llama', () => {
  it('is created once per module and GPU choice', async () => {
    let calls = 0;
    const llama = { gpu: false } as unknown as NodeLlama;
    const mod = fakeModule(async (options) => {
      calls++;
      expect(options).toMatchObject({ build: 'never', skipDownload: true });
      return llama;
    });
    const [a, b] = await Promise.all([sharedLlama(mod, false), sharedLlama(mod, false)]);
    expect(a).toBe(llama);
    expect(b).toBe(llama);
    expect(calls).toBe(1);
    await sharedLlama(mod, 'auto');
    expect(calls).toBe(2);
  });

  it('a missing prebuilt binary names the platform package, and a later call tries again', async () => {
    let calls = 0;
    const mod = fakeModule(async () => {
      calls++;
      throw new Error('No prebuilt binary found\nstack…');
    });
    const error = await failure(sharedLlama(mod, false));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.message).toContain(`npm i ${prebuiltPackage(false)}@3.21.1`);
    expect(error.message).toContain('never compiles');
    expect(error.message).not.toContain('\n');
    await failure(sharedLlama(mod, false));
    expect(calls).toBe(2);
  });

  it('maps platforms to node-llama-cpp’s prebuilt packages', () => {
    expect(prebuiltPackage(false, 'linux', 'x64')).toBe('@node-llama-cpp/linux-x64');
    expect(prebuiltPackage('cuda', 'linux', 'x64')).toBe('@node-llama-cpp/linux-x64-cuda');
    expect(prebuiltPackage(false, 'darwin', 'arm64')).toBe('@node-llama-cpp/mac-arm64-metal');
    expect(prebuiltPackage(false, 'win32', 'x64')).toBe('@node-llama-cpp/win-x64');
    expect(prebuiltPackage(false, 'linux', 'arm')).toBe('@node-llama-cpp/linux-armv7l');
  });
});
