/**
 * The seam between the engine and a model (DESIGN.md "The seams"). An adapter does ONE request:
 * retries, concurrency, rate limits, caching and storage live in the engine, once.
 */
export type ModelMode = 'chat' | 'completion';

export interface GenerationSettings {
  /** Default 0 (greedy), as the paper's headline numbers assume. */
  temperature: number;
  maxTokens: number;
  seed?: number;
  /** Stop sequences; for raw models in completion mode the engine passes the documented stop rule. */
  stop?: readonly string[];
}

export interface ModelRequest {
  /** The rendered prompt: the only user message in chat mode, the raw text in completion mode. */
  prompt: string;
  settings: GenerationSettings;
  /** 0-based index when several samples are drawn per prompt; part of the cache key. */
  sampleIndex: number;
  /**
   * Which trial this request is for. HTTP adapters ignore it; the replay adapter answers from a
   * file of responses recorded elsewhere, looked up by (itemId, templateId, sampleIndex). Optional
   * so ad-hoc calls (a judge, a smoke test) need not invent ids; replay then falls back to the prompt.
   */
  key?: TrialKey;
}

/** The parts of a trial's key (DESIGN.md "Store") that identify the question, not the model. */
export interface TrialKey {
  itemId: string;
  templateId: string;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'other';

export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface ModelResponse {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  /** The provider's response body (parsed JSON) for audit; never contains request headers or keys. */
  raw?: unknown;
  /** Provider warnings, e.g. "seed not supported": recorded with the trial. */
  warnings: string[];
  latencyMs: number;
}

export interface ModelAdapter {
  /** e.g. 'openai', 'anthropic', 'openai-compatible', 'ollama', 'gguf', 'replay'. */
  provider: string;
  modelId: string;
  mode: ModelMode;
  /** One request. Throws ModelError on failure; honours `signal` (timeout or Ctrl+C). */
  generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse>;
  /** Releases sockets, native memory, file handles. */
  close?(): Promise<void>;
}

/** Stable codes the engine decides on; `retryable` says whether trying again can help. */
export type ModelErrorCode =
  | 'RATE_LIMITED' // 429
  | 'OVERLOADED' // 503, 529, provider "overloaded"
  | 'SERVER_ERROR' // other 5xx
  | 'TIMEOUT' // no answer within the per-request deadline
  | 'NETWORK' // connection refused/reset, DNS, truncated body
  | 'BAD_RESPONSE' // malformed JSON or a body without the expected fields
  | 'AUTH' // 401/403: wrong or missing key
  | 'BAD_REQUEST' // 400/404/422: the request itself is wrong (unknown model, too long prompt)
  | 'CANCELLED'; // the caller aborted (Ctrl+C)

const RETRYABLE: Record<ModelErrorCode, boolean> = {
  RATE_LIMITED: true,
  OVERLOADED: true,
  SERVER_ERROR: true,
  TIMEOUT: true,
  NETWORK: true,
  BAD_RESPONSE: true,
  AUTH: false,
  BAD_REQUEST: false,
  CANCELLED: false,
};

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** From a Retry-After header (seconds or HTTP date), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(code: ModelErrorCode, message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ModelError';
    this.code = code;
    this.retryable = RETRYABLE[code];
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
