import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../test-support/run-cli.js';
import { scienceDataPath } from '../test-support/paths.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const tmp = () => mkdtempSync(join(tmpdir(), 'rb-cli-'));

describe('reliabench generate', () => {
  it('writes the same bytes for the same seed and different bytes for another seed', () => {
    const cwd = tmp();
    const args = ['generate', '--domains', 'addition,transforms', '--per-domain', '40', '--quiet'];
    const a = runCli([...args, '--seed', '7', '--out', 'a.jsonl'], { cwd });
    const b = runCli([...args, '--seed', '7', '--out', 'b.jsonl'], { cwd });
    const c = runCli([...args, '--seed', '8', '--out', 'c.jsonl'], { cwd });
    for (const r of [a, b, c]) expect(r.status, r.stderr).toBe(0);
    expect(sha(join(cwd, 'a.jsonl'))).toBe(sha(join(cwd, 'b.jsonl')));
    expect(sha(join(cwd, 'c.jsonl'))).not.toBe(sha(join(cwd, 'a.jsonl')));
    expect(a.stdout).toContain(`sha256 ${sha(join(cwd, 'a.jsonl'))}`);
    expect(readFileSync(join(cwd, 'a.jsonl'), 'utf8').trim().split('\n')).toHaveLength(80);
  });

  it('stores items, templates and the item set in the workspace', () => {
    const cwd = tmp();
    const r = runCli(['generate', '--domains', 'addition', '--per-domain', '25', '--out', 'x.parquet', '--workspace', 'ws.sqlite'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const db = new Database(join(cwd, 'ws.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 25 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM templates').get()).toEqual({ n: 15 });
    expect(db.prepare('SELECT item_count FROM item_sets').get()).toEqual({ item_count: 25 });
    db.close();
  });

  it('prints a difficulty histogram with --stats', () => {
    const r = runCli(['generate', '--domains', 'addition', '--per-domain', '300', '--stats', '--quiet'], { cwd: tmp() });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/addition: 300 items, \d+\/30 calibrated-difficulty bins covered/);
    expect(r.stdout.match(/^ {2}\[/gm)).toHaveLength(30);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown domain', ['--domains', 'addition,poetry'], /unknown domain "poetry"; choose from addition, anagram/],
    ['a zero count', ['--per-domain', '0'], /--per-domain must be a positive whole number, got "0"/],
    ['a negative count', ['--per-domain', '-5'], /--per-domain must be a positive whole number/],
    ['a fractional count', ['--per-domain', '2.5'], /--per-domain must be a positive whole number, got "2.5"/],
    ['a non-numeric count', ['--per-domain', 'many'], /--per-domain must be a positive whole number, got "many"/],
    ['a non-integer seed', ['--seed', 'abc'], /--seed must be a whole number/],
    ['an output in a missing folder', ['--out', 'no/such/dir/x.jsonl'], /cannot write no\/such\/dir\/x.jsonl: folder .* does not exist or is not writable/],
    ['an unknown output format', ['--out', 'x.csv'], /--out must end in .jsonl or .parquet/],
  ];
  it.each(bad)('refuses %s with one line and a non-zero exit', (_what, args, message) => {
    const cwd = tmp();
    const r = runCli(['generate', '--domains', 'addition', ...args], { cwd });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(cwd).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
  });

  it('refuses a missing science data folder, naming the path and the fix', () => {
    const r = runCli(['generate', '--domains', 'science', '--science-data', '/no/such/science'], { cwd: tmp() });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/no/such/science');
    expect(r.stderr).toMatch(/--science-data|RELIABENCH_SCIENCE_DATA/);
  });

  const offline = (cache: string) => ({
    RELIABENCH_SCIENCE_DATA: undefined,
    RELIABENCH_CACHE_DIR: cache,
    RELIABENCH_ARC_URL: 'http://127.0.0.1:9/ARC-V1-Feb2018.zip', // port 9 (discard): refused at once
    RELIABENCH_MMLU_URL: 'http://127.0.0.1:9/data.tar',
  });

  it('fails clearly when science must be downloaded and the machine is offline', () => {
    const r = runCli(['generate', '--domains', 'science'], { cwd: tmp(), env: offline(tmp()) });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/could not download .*looks offline.*--science-data/);
  });

  it('with no domains named and no science data, generates the other four and warns that science was skipped', () => {
    const cwd = tmp();
    const r = runCli(['generate', '--per-domain', '5', '--quiet'], { cwd, env: offline(tmp()) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: science skipped: could not download/);
    const domains = readFileSync(join(cwd, 'items.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { domain: string }).domain);
    expect([...new Set(domains)]).toEqual(['addition', 'anagram', 'locality', 'transforms']);
  });

  it('refuses a corrupt science CSV, naming the file and the line', () => {
    const data = tmp();
    for (const sub of ['arc', 'mmlu']) {
      mkdirSync(join(data, sub));
      for (const f of readdirSync(join(scienceDataPath(), sub))) copyFileSync(join(scienceDataPath(), sub, f), join(data, sub, f));
    }
    const file = join(data, 'arc', 'ARC-Easy-Dev.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[41] = 'Mercury_123,123,1,B,1,0,Mercury,5,2015,"An unterminated (A) quote (B) b (C) c (D) d,,Dev';
    writeFileSync(file, lines.join('\n'));
    const r = runCli(['generate', '--domains', 'science', '--science-data', data], { cwd: tmp() });
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ARC-Easy-Dev\.csv:42\b/);
  });
});
