/** How a response asks the caller to wait: `retry-after-ms` (OpenAI), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(header: (name: string) => string | null | undefined, now: number = Date.now()): number | undefined {
  const ms = header('retry-after-ms')?.trim();
  if (ms !== undefined && ms !== '' && Number.isFinite(Number(ms))) return Math.max(0, Math.round(Number(ms)));
  const value = header('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!/^[a-z]{3},/i.test(value)) return undefined; // an HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT"
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Reads a header from a fetch `Headers` or a plain (lower-case keyed) record. */
export function headerReader(headers: Headers | Record<string, string> | undefined): (name: string) => string | undefined {
  if (headers === undefined) return () => undefined;
  if (headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => lower[name.toLowerCase()];
}
