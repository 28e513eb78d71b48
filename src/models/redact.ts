/**
 * API keys must never reach a message, an error, a `raw` field or a log — not even when a server
 * echoes request headers back. Every string an adapter hands out passes through here.
 */
export const REDACTED = '[redacted]';

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== '') out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A copy of a JSON-like value with every secret replaced in every string (keys included). */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.every((s) => s === '')) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[redactText(key, secrets)] = redactDeep(v, secrets);
    return out;
  }
  return value;
}
