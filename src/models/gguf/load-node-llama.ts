import { ReliabenchError } from '../../core/errors.js';
import type { NodeLlama, NodeLlamaGpu, NodeLlamaModule } from './node-llama-types.js';

/** The exact version package.json pins; named in every "install it" message. */
export const NODE_LLAMA_CPP_VERSION = '3.21.1';
export const INSTALL_HINT = `npm i node-llama-cpp@${NODE_LLAMA_CPP_VERSION}`;

/** Loads the optional package; tests inject a failing one. */
export type ModuleImporter = () => Promise<unknown>;

// A variable specifier: TypeScript does not resolve it, so the build needs no node-llama-cpp types.
const SPECIFIER: string = 'node-llama-cpp';
export const importNodeLlamaCpp: ModuleImporter = () => import(SPECIFIER);

const SERVER_ALTERNATIVE = 'or serve the model with llama.cpp\'s llama-server and use --model openai-compatible:http://127.0.0.1:8080/v1#model';

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim();
}

/** node-llama-cpp, or ReliabenchError('PROVIDER_UNAVAILABLE') with a one-line message naming the install command. */
export async function loadNodeLlamaCpp(importer: ModuleImporter = importNodeLlamaCpp): Promise<NodeLlamaModule> {
  let mod: unknown;
  try {
    mod = await importer();
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const why = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' ? 'is not installed' : `could not be loaded (${firstLine(cause)})`;
    throw new ReliabenchError(
      'PROVIDER_UNAVAILABLE',
      `In-process GGUF models need the optional package node-llama-cpp, which ${why}: run ${INSTALL_HINT}, ${SERVER_ALTERNATIVE}`,
      { input: SPECIFIER, cause },
    );
  }
  if (!isNodeLlamaModule(mod)) {
    throw new ReliabenchError(
      'PROVIDER_UNAVAILABLE',
      `The installed node-llama-cpp lacks getLlama/LlamaCompletion/LlamaChatSession: run ${INSTALL_HINT}, ${SERVER_ALTERNATIVE}`,
      { input: SPECIFIER },
    );
  }
  return mod;
}

function isNodeLlamaModule(mod: unknown): mod is NodeLlamaModule {
  if (typeof mod !== 'object' || mod === null) return false;
  const m = mod as Record<string, unknown>;
  return typeof m['getLlama'] === 'function' && typeof m['LlamaCompletion'] === 'function' && typeof m['LlamaChatSession'] === 'function';
}

/** The platform package that carries node-llama-cpp's prebuilt binary here, e.g. `@node-llama-cpp/linux-x64`. */
export function prebuiltPackage(gpu: NodeLlamaGpu, platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : platform;
  const cpu = arch === 'arm' ? 'armv7l' : arch;
  const variant = os === 'mac' && cpu === 'arm64' ? '-metal' : gpu === 'cuda' || gpu === 'vulkan' ? `-${gpu}` : '';
  return `@node-llama-cpp/${os}-${cpu}${variant}`;
}

/** llama.cpp's log lines at warning level and above, newest last: named when a model fails to load. */
const recentNativeLogs: string[] = [];
const NATIVE_LOG_LINES = 8;

export function lastNativeLog(): string | undefined {
  return recentNativeLogs.at(-1);
}

function rememberLog(level: string, message: string): void {
  if (level !== 'warn' && level !== 'error' && level !== 'fatal') return;
  recentNativeLogs.push(message.trim());
  if (recentNativeLogs.length > NATIVE_LOG_LINES) recentNativeLogs.shift();
}

// One Llama per (module, GPU choice) for the whole process: it holds the native binding, not a model.
const shared = new WeakMap<NodeLlamaModule, Map<string, Promise<NodeLlama>>>();

/**
 * The process-wide Llama. `build: 'never'`: a missing prebuilt binary is an error naming the package
 * to install, never a silent multi-minute compile of llama.cpp.
 */
export function sharedLlama(mod: NodeLlamaModule, gpu: NodeLlamaGpu): Promise<NodeLlama> {
  let byGpu = shared.get(mod);
  if (byGpu === undefined) {
    byGpu = new Map();
    shared.set(mod, byGpu);
  }
  const key = String(gpu);
  const existing = byGpu.get(key);
  if (existing !== undefined) return existing;
  const created = mod
    .getLlama({ gpu, build: 'never', skipDownload: true, progressLogs: false, logger: rememberLog })
    .catch((cause: unknown) => {
      byGpu.delete(key);
      const pkg = prebuiltPackage(gpu);
      throw new ReliabenchError(
        'PROVIDER_UNAVAILABLE',
        `node-llama-cpp found no usable prebuilt llama.cpp binary (${firstLine(cause)}): run npm i ${pkg}@${NODE_LLAMA_CPP_VERSION}${gpu === false ? '' : ', or use gpu: false'} (reliabench never compiles llama.cpp)`,
        { input: pkg, cause },
      );
    });
  byGpu.set(key, created);
  return created;
}
