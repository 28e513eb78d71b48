import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { ReliabenchError } from '../core/errors.js';
import type { Config } from './config-schema.js';

export const CONFIG_NAMES = ['reliabench.config.ts', 'reliabench.config.json', 'reliabench.config.yaml', 'reliabench.config.yml'];

/** The config file to use: the one named with --config, else the first default name in `dir`, else none. */
export function findConfig(explicit: string | undefined, dir = process.cwd()): string | undefined {
  if (explicit !== undefined) {
    const path = resolve(explicit);
    if (!existsSync(path)) throw configError(path, 'the file does not exist (check --config)');
    return path;
  }
  return CONFIG_NAMES.map((n) => resolve(dir, n)).find((p) => existsSync(p));
}

/**
 * Reads and validates a config file; every problem becomes one readable line naming file and field.
 * The schema (zod) and the YAML parser are imported here, not at the top: together they cost the CLI
 * about 180 ms at start-up, and --help, --version and a run without a config file need neither.
 */
export async function loadConfig(path: string): Promise<Config> {
  const raw = await readRaw(path);
  const { ConfigSchema } = await import('./config-schema.js');
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw configError(path, describeIssues(parsed.error));
  return parsed.data;
}

async function readRaw(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (ext === '.yaml' || ext === '.yml') {
      const { parse: parseYaml } = await import('yaml');
      return parseYaml(readFileSync(path, 'utf8')) as unknown;
    }
    if (ext === '.ts' || ext === '.mts' || ext === '.js' || ext === '.mjs') {
      const { tsImport } = await import('tsx/esm/api');
      const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
      // Outside an ESM package the file loads as CommonJS, and its default export arrives wrapped once more.
      const inner = mod.default as { default?: unknown } | undefined;
      return inner !== null && typeof inner === 'object' && 'default' in inner ? inner.default : inner;
    }
  } catch (cause) {
    throw configError(path, `cannot be read: ${(cause as Error).message.split('\n')[0]}`, cause);
  }
  throw configError(path, 'must be .json, .yaml, .yml or .ts');
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)'}: ${issue.message}`)
    .join('; ') + (error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '');
}

function configError(path: string, what: string, cause?: unknown): ReliabenchError {
  return new ReliabenchError('BAD_CONFIG', `config ${path}: ${what}`, { input: path, cause });
}
