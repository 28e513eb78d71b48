/**
 * The part of node-llama-cpp 3.21.1's API the gguf adapter uses, declared here so the project builds
 * and type-checks without the optional package installed. `node-llama-types.test.ts` checks that the
 * real module still satisfies these types, so an upgrade that changes them fails the type check.
 */
export type NodeLlamaGpu = false | 'auto' | 'cuda' | 'vulkan' | 'metal';

export interface NodeLlamaTokenMeter {
  readonly usedInputTokens: number;
  readonly usedOutputTokens: number;
}

export interface NodeLlamaSequence {
  readonly tokenMeter: NodeLlamaTokenMeter;
  /** Forgets the evaluated tokens, so every request starts from an empty KV cache. */
  clearHistory(): Promise<void>;
  dispose(): void;
}

export interface NodeLlamaContext<Seq extends NodeLlamaSequence = NodeLlamaSequence> {
  readonly contextSize: number;
  getSequence(): Seq;
  dispose(): Promise<void>;
}

export interface NodeLlamaContextOptions {
  contextSize?: number;
  threads?: number;
  sequences?: number;
}

export interface NodeLlamaModel<Seq extends NodeLlamaSequence = NodeLlamaSequence> {
  /** Parsed GGUF header: `metadata.tokenizer.chat_template` is the model's own chat template, if any. */
  readonly fileInfo: { readonly metadata: unknown };
  readonly trainContextSize: number;
  tokenize(text: string): number[];
  createContext(options?: NodeLlamaContextOptions): Promise<NodeLlamaContext<Seq>>;
  dispose(): Promise<void>;
}

export interface NodeLlama<Seq extends NodeLlamaSequence = NodeLlamaSequence> {
  readonly gpu: NodeLlamaGpu;
  loadModel(options: { modelPath: string; loadSignal?: AbortSignal }): Promise<NodeLlamaModel<Seq>>;
}

export interface NodeLlamaGetOptions {
  gpu?: NodeLlamaGpu;
  /** 'never': use a prebuilt binary or fail; never compile llama.cpp at run time. */
  build?: 'never';
  /** Receives llama.cpp's log lines; `level` is 'fatal' | 'error' | 'warn' | 'info' | 'log' | 'debug'. */
  logger?: (level: string, message: string) => void;
  progressLogs?: boolean;
  skipDownload?: boolean;
}

/** The settings both LlamaCompletion and LlamaChatSession take. */
export interface NodeLlamaGenerationOptions {
  signal?: AbortSignal;
  stopOnAbortSignal?: boolean;
  maxTokens?: number;
  temperature?: number;
  seed?: number;
  /** false: no repeat penalty (node-llama-cpp applies one by default; other providers do not). */
  repeatPenalty?: false;
  /** The text as it is generated (the adapter watches it for stop sequences). */
  onTextChunk?: (text: string) => void;
}

export type NodeLlamaStopReason = 'eogToken' | 'stopGenerationTrigger' | 'customStopTrigger' | 'maxTokens' | 'abort' | 'functionCalls';

export interface NodeLlamaCompletion {
  generateCompletionWithMeta(
    input: string,
    /** disableContextShift: stop when the context is full rather than silently drop the prompt's start. */
    options?: NodeLlamaGenerationOptions & { disableContextShift?: boolean },
  ): Promise<{ response: string; metadata: { stopReason: NodeLlamaStopReason } }>;
  dispose(options?: { disposeSequence?: boolean }): void;
}

export interface NodeLlamaChatSession {
  /** [] drops node-llama-cpp's default system prompt, so the model's template decides, as on a server. */
  setChatHistory(history: []): void;
  promptWithMeta(prompt: string, options?: NodeLlamaGenerationOptions): Promise<{ responseText: string; stopReason: NodeLlamaStopReason }>;
  dispose(options?: { disposeSequence?: boolean }): void;
}

/**
 * `Seq` is the sequence class the module's own contexts hand out: the real constructors want their full
 * `LlamaContextSequence`, which the conformance test passes here; the adapter only ever gives them back
 * a sequence it got from `getSequence()`.
 */
export interface NodeLlamaModule<Seq extends NodeLlamaSequence = NodeLlamaSequence> {
  getLlama(options?: NodeLlamaGetOptions): Promise<NodeLlama<Seq>>;
  LlamaCompletion: new (options: { contextSequence: Seq; autoDisposeSequence?: boolean }) => NodeLlamaCompletion;
  LlamaChatSession: new (options: { contextSequence: Seq; autoDisposeSequence?: boolean; systemPrompt?: string }) => NodeLlamaChatSession;
}
