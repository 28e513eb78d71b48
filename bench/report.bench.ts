/**
 * How long buildReport takes for a synthetic analysis (default 32 models × 5 domains, 15 templates,
 * 30 bins, supervision for two models, all trends): wall time, CPU time (this process, including
 * resvg's thread pool) and peak RSS. Each configuration runs in a child process so its peak RSS is
 * its own: PNG at scale 2 (the default), PNG at scale 1, and SVG only — the PNG cost is the
 * difference. Prints a table; does not write BENCHMARKS.md.
 *
 *   npx tsx bench/report.bench.ts [--models 32] [--runs 1]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../src/report/build-report.js';
import { sampleReportInput } from '../src/report/test-support/sample-input.js';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
};
const MODELS = argument('--models', 32);
const RUNS = argument('--runs', 1);

interface Result {
  label: string;
  files: number;
  megabytes: number;
  wallS: number;
  cpuS: number;
  peakRssMb: number;
}

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => sum + (statSync(join(dir, f)).isFile() ? statSync(join(dir, f)).size : 0), 0);
}

/** In the child: one cold build, as `reliabench report` does it (module loading excluded). */
async function child(png: boolean, pngScale: number): Promise<void> {
  const input = sampleReportInput({ models: MODELS });
  const dir = mkdtempSync(join(tmpdir(), 'rb-report-bench-'));
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { files } = await buildReport(input, dir, { png, pngScale });
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const result: Omit<Result, 'label'> = { files: files.length, megabytes: folderSize(dir) / 2 ** 20, wallS, cpuS: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parent(): void {
  const configurations = [
    { label: 'PNG ×2 (default)', args: ['--png', '2'] },
    { label: 'PNG ×1', args: ['--png', '1'] },
    { label: 'SVG only', args: ['--png', '0'] },
  ];
  console.log(`buildReport, ${MODELS} models × 5 domains; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  console.log('configuration      | files | MB    | wall s | CPU s | peak RSS MB');
  console.log('---                | ---:  | ---:  | ---:   | ---:  | ---:');
  for (const { label, args } of configurations) {
    for (let run = 0; run < RUNS; run++) {
      const out = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', ...args, '--models', String(MODELS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) throw new Error(`${label}: child failed\n${out.stderr}`);
      const r = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as Result;
      console.log(`${label.padEnd(18)} | ${String(r.files).padStart(5)} | ${r.megabytes.toFixed(1).padStart(5)} | ${r.wallS.toFixed(1).padStart(6)} | ${r.cpuS.toFixed(1).padStart(5)} | ${r.peakRssMb.toFixed(0).padStart(5)}`);
    }
  }
  console.log(`load average after: ${loadavg()[0]?.toFixed(1)}`);
}

if (process.argv.includes('--child')) {
  const scale = argument('--png', 2);
  await child(scale > 0, scale > 0 ? scale : 2);
} else {
  parent();
}
