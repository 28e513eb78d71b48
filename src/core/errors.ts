/**
 * Every error a person can cause or fix carries a stable `code`, a message that says what to do,
 * and (when there is one) the input that caused it. The CLI prints `message` on one line and exits
 * non-zero; a stack trace is shown only with --debug.
 */
export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'UNKNOWN_DOMAIN'
  | 'OUTPUT_NOT_WRITABLE'
  | 'SCIENCE_DATA_MISSING'
  | 'SCIENCE_DATA_CORRUPT'
  | 'DOWNLOAD_FAILED'
  | 'DATA_PACKAGE_MISSING'
  | 'STORE_ERROR'
  | 'BAD_MODEL_SPEC' // a model spec string that cannot be parsed (src/models/model-spec.ts)
  | 'MISSING_API_KEY' // the provider's key variable is unset; the message names the variable, never a value
  | 'PROVIDER_UNAVAILABLE' // the provider exists but cannot be used here (gguf adapter not installed)
  | 'REPLAY_FILE_INVALID' // a replay JSONL that cannot be read or has a bad line
  | 'BAD_CONFIG' // a config file that cannot be read or does not validate
  | 'INTERNAL';

export class ReliabenchError extends Error {
  readonly code: ErrorCode;
  readonly input: string | undefined;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: { input?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ReliabenchError';
    this.code = code;
    this.input = options.input;
    this.exitCode = options.exitCode ?? 2;
  }
}

export function isReliabenchError(e: unknown): e is ReliabenchError {
  return e instanceof ReliabenchError;
}
