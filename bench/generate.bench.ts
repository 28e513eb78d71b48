/**
 * How long `reliabench generate --per-domain 20000` takes for all five domains (target: < 20 s on a
 * 2-core machine; science is capped by its bank). Runs the built CLI several times under
 * /usr/bin/time, takes the median, and rewrites its section of BENCHMARKS.md.
 *
 *   npm run build && npx tsx bench/generate.bench.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineLine, writeSection } from './benchmarks-file.js';

const ROOT = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const science = process.env['RELIABENCH_SCIENCE_DATA'] ?? resolve(ROOT, '../shared/data/science');

interface Run {
  wallS: number;
  maxRssMb: number;
  perDomain: Record<string, number>;
  items: number;
}

function once(): Run {
  const dir = mkdtempSync(join(tmpdir(), 'rb-bench-'));
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'dist/cli/main.js'), 'generate',
    '--per-domain', '20000', '--seed', '1', '--out', join(dir, 'items.jsonl'), '--workspace', join(dir, 'ws.sqlite'),
    '--science-data', science], { encoding: 'utf8' });
  const wallS = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  const perDomain: Record<string, number> = {};
  for (const m of r.stderr.matchAll(/^(\w+): (\d+) items in ([\d.]+) s$/gm)) perDomain[`${m[1]} (${m[2]})`] = Number(m[3]);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const items = Number(/wrote (\d+) items/.exec(r.stdout)?.[1] ?? 0);
  return { wallS, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, perDomain, items };
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const r = once();
  console.log(`run ${i + 1}: ${r.wallS.toFixed(2)} s, ${r.items} items, max RSS ${r.maxRssMb.toFixed(0)} MB`);
  results.push(r);
}
results.sort((a, b) => a.wallS - b.wallS);
const median = results[Math.floor(results.length / 2)]!;

const body = `## generate: all five domains, --per-domain 20000

Command (median of ${runs} runs, wall clock including Node start, store writes and the JSONL file):

\`\`\`
npm run build && npx tsx bench/generate.bench.ts --runs ${runs}
# each run: reliabench generate --per-domain 20000 --seed 1 --out items.jsonl --science-data <ARC+MMLU folder>
\`\`\`

Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}.

| measure | value |
|---|---|
| items written | ${median.items} (science capped by its bank) |
| wall time, median | **${median.wallS.toFixed(2)} s** (target < 20 s) |
| all runs | ${results.map((r) => r.wallS.toFixed(2)).join(' s, ')} s |
| peak memory (max RSS) | ${median.maxRssMb.toFixed(0)} MB |

Per domain in the median run (generation only, as the CLI reports it):

| domain (items) | seconds |
|---|---|
${Object.entries(median.perDomain).map(([d, s]) => `| ${d} | ${s.toFixed(1)} |`).join('\n')}
| Node start, workspace store writes, JSONL file and its sha256 | ${(median.wallS - Object.values(median.perDomain).reduce((a, b) => a + b, 0)).toFixed(1)} |

Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores.
`;
writeSection(join(ROOT, 'BENCHMARKS.md'), 'generate', body);
console.log(`median ${median.wallS.toFixed(2)} s; BENCHMARKS.md updated`);
