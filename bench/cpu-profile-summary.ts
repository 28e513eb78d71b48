/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) into where the CPU time goes: self time per
 * area (a package in node_modules, a folder of the project's src/ or dist/, Node's internals, garbage
 * collection, idle) and the heaviest functions. Used by bench/peer.bench.ts when a target is missed.
 *
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [--top 12]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled time, idle included. */
  totalMs: number;
  /** Sampled time not idle: what the process spent on its CPU thread. */
  busyMs: number;
  areas: Share[];
  functions: Share[];
}

/** The area a script belongs to: `pkg:<name>`, `src/<folder>`, `node:internal`, or the special V8 nodes. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle (waiting for I/O)';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  if (url.startsWith('node:')) {
    const m = /^node:(?:internal\/)?([a-z_]+)/.exec(url);
    return `node: ${m?.[1] ?? url}`;
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return `pkg: ${rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '?')}`;
  }
  const project = /\/(src|dist)\/([^/]+)\//.exec(url);
  if (project) return `reliabench: ${project[2]}`;
  return url.replace(/^file:\/\//, '');
}

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    total += us;
    if (functionName === '(idle)') idle += us;
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${url === '' ? '' : `(${shortUrl(url)}:${lineNumber + 1})`}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>, exclude: (k: string) => boolean): Share[] =>
    [...m].filter(([k]) => !exclude(k)).sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busy > 0 ? us / busy : 0 }));
  return {
    totalMs: total / 1000,
    busyMs: busy / 1000,
    areas: rank(areas, (k) => k.startsWith('idle')),
    functions: rank(functions, (k) => k.startsWith('(idle)')),
  };
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const m = /\/(src|dist)\/.*$/.exec(url);
  return m ? m[0].slice(1) : url.replace(/^file:\/\//, '');
}

/** Markdown table rows of a summary, busy time only. */
export function profileTable(summary: ProfileSummary, what: 'areas' | 'functions'): string {
  const head = what === 'areas' ? '| where (self time) | ms | share of busy CPU |\n|---|---|---|' : '| function (self time) | ms | share of busy CPU |\n|---|---|---|';
  return `${head}\n${summary[what].map((s) => `| ${s.name.replaceAll('|', '\\|')} | ${s.ms.toFixed(0)} | ${(s.share * 100).toFixed(1)}% |`).join('\n')}`;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpu-profile-summary.ts FILE.cpuprofile [--top N]');
  const topArg = process.argv.indexOf('--top');
  const summary = summariseProfile(file, topArg > 0 ? Number(process.argv[topArg + 1]) : 12);
  console.log(`sampled ${summary.totalMs.toFixed(0)} ms, busy ${summary.busyMs.toFixed(0)} ms\n`);
  console.log(profileTable(summary, 'areas'));
  console.log();
  console.log(profileTable(summary, 'functions'));
}
