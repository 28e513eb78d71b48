import { modelError, type CallContext } from './error-mapping.js';

/**
 * The few response-body checks the plain-JSON adapters need (OpenAI-compatible, Ollama), written out
 * by hand rather than with zod: zod is about 95 modules and 100 ms at start-up, and these bodies need
 * only strings, numbers, objects and non-empty arrays. A shape reads a value at a path and returns it typed, or throws a WireProblem naming
 * the first field that is wrong. Objects check their fields in declaration order and arrays their
 * elements in index order, so the field named is the one zod named for the same body. Fields not
 * declared are dropped, as zod's z.object dropped them.
 */
export type Shape<T> = (value: unknown, path: WirePath) => T;
type WirePath = readonly (string | number)[];
type Fields = Record<string, Shape<unknown>>;
type Parsed<F extends Fields> = { [K in keyof F]: F[K] extends Shape<infer T> ? T : never };

class WireProblem extends Error {
  constructor(
    readonly path: WirePath,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const string: Shape<string> = (value, path) => {
  if (typeof value !== 'string') throw new WireProblem(path, `expected a string, got ${kindOf(value)}`);
  return value;
};

/** A finite number: JSON has no NaN or Infinity, so anything else is not a count. */
export const number: Shape<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new WireProblem(path, `expected a number, got ${kindOf(value)}`);
  return value;
};

/** The field may be absent or null; servers differ on which they send for "none". */
export function nullish<T>(shape: Shape<T>): Shape<T | null | undefined> {
  return (value, path) => (value === null || value === undefined ? value : shape(value, path));
}

export function object<F extends Fields>(fields: F): Shape<Parsed<F>> {
  return (value, path) => {
    if (!isRecord(value)) throw new WireProblem(path, `expected an object, got ${kindOf(value)}`);
    const parsed: Record<string, unknown> = {};
    for (const [key, shape] of Object.entries(fields)) parsed[key] = shape(value[key], [...path, key]);
    return parsed as Parsed<F>;
  };
}

/** An array with at least one element, typed so the first needs no undefined check. */
export function nonEmptyArray<T>(shape: Shape<T>): Shape<[T, ...T[]]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new WireProblem(path, `expected an array, got ${kindOf(value)}`);
    if (value.length === 0) throw new WireProblem(path, 'expected at least one element, got an empty array');
    return value.map((element, index) => shape(element, [...path, index])) as [T, ...T[]];
  };
}

/** Checks a 2xx body against the fields an adapter reads; a wrong one is a BAD_RESPONSE naming its dotted path. */
export function readWire<T>(shape: Shape<T>, json: unknown, status: number, ctx: CallContext): T {
  try {
    return shape(json, []);
  } catch (problem) {
    if (!(problem instanceof WireProblem)) throw problem;
    const field = problem.path.length > 0 ? problem.path.join('.') : '(body)';
    throw modelError(ctx, 'BAD_RESPONSE', `HTTP ${status} body lacks a usable field ${field}: ${problem.reason}`, { status });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}
