/** What every wire format the test server speaks must provide (OpenAI, Anthropic, Ollama). */
export type ApiName = 'openai-chat' | 'openai-completions' | 'anthropic-messages' | 'ollama-chat' | 'ollama-generate';

/** Generation settings as the server received them, normalised across wire formats for assertions. */
export interface ReceivedSettings {
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  stop?: string[];
}

export interface ReadRequest {
  model: string;
  prompt: string;
  settings: ReceivedSettings;
}

/** The answer after stop sequences and max tokens were applied. */
export interface ShapedReply {
  text: string;
  finishReason: 'stop' | 'length';
  /** The stop sequence that ended the text, if one did. */
  stopSequence?: string;
  inputTokens: number;
  outputTokens: number;
}

export interface ReplyMeta {
  model: string;
  /** 0-based request number: makes ids and timestamps deterministic. */
  index: number;
}

export interface WireFormat {
  name: ApiName;
  /** Throws WireRequestError when the request lacks what the real API requires (answered 400). */
  read(body: Record<string, unknown>): ReadRequest;
  success(reply: ShapedReply, meta: ReplyMeta): unknown;
  /** Valid JSON in the right envelope but without the answer fields (fault "missing-fields"). */
  hollow(meta: ReplyMeta): unknown;
  error(status: number, message: string): unknown;
}

export class WireRequestError extends Error {}

/** A fixed clock so payloads are byte-identical run to run. */
export const EPOCH_SECONDS = 1_730_000_000;

export function idSuffix(index: number): string {
  return (index + 1).toString(16).padStart(12, '0');
}

/** Counts "tokens" as whitespace-separated words: deterministic and good enough for usage fields. */
export function countTokens(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new WireRequestError(`${field} is required`);
  return value;
}

export function optionalNumber(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new WireRequestError(`${field} must be a number`);
  return value;
}

export function stopList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return value as string[];
  throw new WireRequestError(`${field} must be a string or an array of strings`);
}

/** The text of the last user message; content may be a string or an array of {type:'text', text} parts. */
export function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0) throw new WireRequestError('messages is required');
  const users = messages.filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null && (m as Record<string, unknown>)['role'] === 'user');
  const last = users[users.length - 1];
  if (last === undefined) throw new WireRequestError('messages needs a user message');
  const content = last['content'];
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'object' && part !== null && (part as Record<string, unknown>)['type'] === 'text' ? String((part as Record<string, unknown>)['text']) : ''))
      .join('');
  }
  throw new WireRequestError('message content must be a string or an array of parts');
}

export function definedOnly(settings: ReceivedSettings): ReceivedSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as ReceivedSettings;
}
