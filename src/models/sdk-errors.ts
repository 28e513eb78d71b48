import {
  APICallError,
  EmptyResponseBodyError,
  InvalidArgumentError,
  InvalidPromptError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  TypeValidationError,
  UnsupportedFunctionalityError,
} from 'ai';
import { ModelError } from './model-adapter.js';
import { abortedError, errorDetail, httpError, modelError, networkError, networkFailure, oneLine, type CallContext } from './error-mapping.js';

/**
 * Maps what the AI SDK (ai 6, @ai-sdk/provider 3) throws with `maxRetries: 0` to a ModelError:
 * - the caller's signal fired → CANCELLED / TIMEOUT (abortedError);
 * - a connection failure anywhere in the cause chain → NETWORK (fetch failed, reset, body cut off:
 *   the SDK wraps these in APICallError, with statusCode 200 when the body broke mid-read);
 * - APICallError with an error status → by status (httpError);
 * - APICallError on a 2xx ("Invalid JSON response", "Failed to process successful response"),
 *   JSONParseError, TypeValidationError, InvalidResponseDataError, empty body/no content → BAD_RESPONSE;
 * - invalid arguments/prompt/unsupported functionality → BAD_REQUEST.
 */
export function sdkErrorToModelError(error: unknown, signal: AbortSignal, ctx: CallContext): ModelError {
  if (signal.aborted) return abortedError(signal, ctx);
  if (error instanceof ModelError) return error;
  const network = networkFailure(error);
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (network !== undefined) return networkError(ctx, network, status === undefined ? 'connect' : 'read', error);
    if (status !== undefined && (status < 200 || status >= 300)) {
      return httpError(ctx, status, error.responseHeaders, error.responseBody ?? '', detailOf(error));
    }
    if (status === undefined) return networkError(ctx, oneLine(error.message, 200), 'connect', error);
    return modelError(ctx, 'BAD_RESPONSE', `HTTP ${status} with an unusable body: ${badBodyReason(error)}`, { status, cause: error });
  }
  if (network !== undefined) return networkError(ctx, network, 'connect', error);
  if (JSONParseError.isInstance(error) || TypeValidationError.isInstance(error) || InvalidResponseDataError.isInstance(error)) {
    return modelError(ctx, 'BAD_RESPONSE', `unusable answer: ${oneLine(error.message, 300)}`, { cause: error });
  }
  if (EmptyResponseBodyError.isInstance(error) || NoContentGeneratedError.isInstance(error)) {
    return modelError(ctx, 'BAD_RESPONSE', 'the server sent no content', { cause: error });
  }
  if (InvalidArgumentError.isInstance(error) || InvalidPromptError.isInstance(error) || UnsupportedFunctionalityError.isInstance(error)) {
    return modelError(ctx, 'BAD_REQUEST', oneLine(error.message, 300), { cause: error });
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return modelError(ctx, 'BAD_RESPONSE', `unexpected failure: ${oneLine(text, 300)}`, { cause: error });
}

function detailOf(error: APICallError): string {
  const fromBody = error.responseBody === undefined ? '' : errorDetail(error.responseBody);
  return fromBody !== '' ? fromBody : oneLine(error.message, 300);
}

function badBodyReason(error: APICallError): string {
  const cause = error.cause;
  if (TypeValidationError.isInstance(cause)) {
    const issue = firstIssuePath(cause.cause);
    return issue === undefined ? 'missing or invalid fields' : `missing or invalid field ${issue}`;
  }
  if (JSONParseError.isInstance(cause)) return 'malformed JSON';
  return oneLine(error.message, 200);
}

/** zod reports issues with a `path`; name the first so a person sees which field was wrong. */
function firstIssuePath(zodError: unknown): string | undefined {
  const issues = (zodError as { issues?: unknown })?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  const path = (issues[0] as { path?: unknown }).path;
  return Array.isArray(path) && path.length > 0 ? path.map(String).join('.') : undefined;
}
