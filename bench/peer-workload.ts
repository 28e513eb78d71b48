/**
 * The workload both tools run in the peer benchmark: the prompts reliabench renders for
 * `--per-domain N` items of all five domains × 15 templates, and the same prompts as a promptfoo
 * config (one test case per trial, a cheap `icontains` check against the gold answer, the OpenAI chat
 * provider pointed at the instant server). Also installs the peer tools on demand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const PEER_DIR = join(ROOT, 'bench/peer');
export const PROMPTFOO_BIN = join(PEER_DIR, 'node_modules/promptfoo/dist/src/entrypoint.js');
export const AUTOCANNON_BIN = join(PEER_DIR, 'node_modules/autocannon/autocannon.js');
export const RELIABENCH_BIN = join(ROOT, 'dist/cli/main.js');
export const DOMAINS = 'addition,anagram,locality,science,transforms';
export const MODEL_NAME = 'bench';

export function scienceData(): string {
  return process.env['RELIABENCH_SCIENCE_DATA'] ?? resolve(ROOT, '../shared/data/science');
}

/** `npm ci --prefix bench/peer` when its node_modules is missing; returns the seconds it took (0 if present). */
export function ensurePeerTools(log: (line: string) => void): number {
  if (existsSync(PROMPTFOO_BIN) && existsSync(AUTOCANNON_BIN)) return 0;
  log('installing the peer tools (promptfoo 0.121.20, autocannon) into bench/peer/node_modules — once, a few minutes');
  const started = performance.now();
  const r = spawnSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(PROMPTFOO_BIN)) throw new Error('npm ci --prefix bench/peer failed');
  return (performance.now() - started) / 1000;
}

/**
 * `--no-report` when this build's `run` has it: the pipeline is render → request → grade →
 * store, which promptfoo does too; the charts and HTML of reliabench's report are measured apart.
 */
export function noReportFlag(): string[] {
  const help = spawnSync(process.execPath, [RELIABENCH_BIN, 'run', '--help'], { encoding: 'utf8' }).stdout;
  return help.includes('--no-report') ? ['--no-report'] : [];
}

/** The model spec for the instant server at `serverUrl`. */
export function serverModel(serverUrl: string): string {
  return `openai-compatible:${serverUrl}/v1#${MODEL_NAME}`;
}

/** The reliabench `run` arguments for one repetition (a fresh copy of the item-only workspace). */
export function reliabenchRunArgs(model: string, perDomain: number, concurrency: number, workspace: string, extra: readonly string[] = []): string[] {
  return [
    RELIABENCH_BIN, 'run', '--model', model, '--domains', DOMAINS,
    '--per-domain', String(perDomain), '--seed', '1', '--science-data', scienceData(), '--concurrency', String(concurrency),
    '--workspace', workspace, '--quiet', ...extra,
  ];
}

/** Generates the items once into `base` (items only: no trials, no cached answers). */
export function generateBaseWorkspace(base: string, perDomain: number): void {
  const r = spawnSync(process.execPath, [RELIABENCH_BIN, 'generate', '--domains', DOMAINS, '--per-domain', String(perDomain), '--seed', '1',
    '--science-data', scienceData(), '--workspace', base, '--out', `${base}.items.jsonl`, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reliabench generate failed: ${r.stderr}`);
}

/** A fresh workspace for one repetition: the items, and nothing the response cache could answer from. */
export function freshWorkspace(base: string, target: string): string {
  copyFileSync(base, target);
  return target;
}

interface TrialRow {
  prompt: string;
  domain: string;
  gold_json: string;
}

/** The gold answer as a string a correct response contains (the cheap check promptfoo runs). */
function goldText(domain: string, goldJson: string): string {
  const g = JSON.parse(goldJson) as Record<string, unknown>;
  switch (domain) {
    case 'addition': return String(g['sum']);
    case 'anagram': return String(g['word']);
    case 'locality': return String((g['places'] as { name: string }[])[0]?.name ?? '');
    case 'science': return String(g['answer']);
    default: return String(g['output']);
  }
}

export interface Workload {
  prompts: string[];
  configFile: string;
}

/**
 * Reads the prompts reliabench sent (trials.prompt of a finished run, in insertion order) and writes a
 * promptfoo config with one test case per prompt.
 */
export function exportWorkload(workspace: string, serverUrl: string, outDir: string): Workload {
  const require = createRequire(join(ROOT, 'package.json'));
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(workspace, { readonly: true });
  const rows = db.prepare('SELECT t.prompt, i.domain, i.gold_json FROM trials t JOIN items i ON i.id = t.item_id ORDER BY t.rowid').all() as TrialRow[];
  db.close();
  const config = {
    description: 'reliabench peer benchmark: the prompts reliabench sends, one test case each',
    prompts: ['{{prompt}}'],
    providers: [{ id: `openai:chat:${MODEL_NAME}`, config: { apiBaseUrl: `${serverUrl}/v1`, apiKey: 'bench-key', temperature: 0, max_tokens: 256 } }],
    tests: rows.map((r) => ({ vars: { prompt: r.prompt }, assert: [{ type: 'icontains', value: goldText(r.domain, r.gold_json) }] })),
  };
  const configFile = join(outDir, 'promptfooconfig.json');
  writeFileSync(configFile, JSON.stringify(config));
  return { prompts: rows.map((r) => r.prompt), configFile };
}

export interface ClientFiles {
  /** A JSON array of the chat request bodies, one per trial (bench/bare-client.mjs's input). */
  bodiesFile: string;
  /** The run's answers as a `replay:` file, keyed by item, template and sample. */
  replayFile: string;
}

/**
 * From a finished run: its requests as chat bodies for the bare client, and its answers as a replay
 * file, so a `run --model replay:FILE` of the same items does everything but HTTP.
 */
export function exportClientFiles(workspace: string, outDir: string, requestBody: (prompt: string) => string): ClientFiles {
  const require = createRequire(join(ROOT, 'package.json'));
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(workspace, { readonly: true });
  const rows = db.prepare("SELECT prompt, item_id, template_id, sample, text FROM trials WHERE status = 'answered' ORDER BY rowid").all() as
    { prompt: string; item_id: string; template_id: string; sample: number; text: string }[];
  db.close();
  const files = { bodiesFile: join(outDir, 'bodies.json'), replayFile: join(outDir, 'answers.jsonl') };
  writeFileSync(files.bodiesFile, JSON.stringify(rows.map((r) => requestBody(r.prompt))));
  writeFileSync(files.replayFile, rows.map((r) => JSON.stringify({ itemId: r.item_id, templateId: r.template_id, sampleIndex: r.sample, text: r.text, finishReason: 'stop' })).join('\n') + '\n');
  return files;
}

/** promptfoo's environment: no telemetry, update check, sharing, remote generation or debug log file; its own home. */
export function promptfooEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PROMPTFOO_CONFIG_DIR: home,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_SHARING: '1',
    PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
    PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: '1',
    PROMPTFOO_SELF_HOSTED: '1',
    PROMPTFOO_CACHE_ENABLED: 'false',
    PROMPTFOO_DISABLE_DEBUG_LOG: '1',
    PROMPTFOO_DISABLE_RUNTIME_WARNINGS: '1',
    OPENAI_API_KEY: 'bench-key',
    NO_COLOR: '1',
  };
}

export function promptfooArgs(configFile: string, concurrency: number, output: string): string[] {
  return [PROMPTFOO_BIN, 'eval', '-c', configFile, '--no-cache', '-j', String(concurrency), '-o', output, '--no-table', '--no-progress-bar', '--no-share'];
}
