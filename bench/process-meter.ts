/**
 * Runs one command and measures it the same way for every tool: wall time (from spawn to exit), CPU
 * time (user + system, of the process and every descendant it waited for, from GNU time's rusage) and
 * peak memory (the largest of GNU time's max RSS and a once-a-second sample of the whole process
 * tree's summed RSS, in case a tool forks helpers). Needs /usr/bin/time (Debian package `time`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface Measured {
  wallS: number;
  cpuS: number;
  userS: number;
  sysS: number;
  peakRssMb: number;
  /** Most processes seen at once in the tree (1 = the tool never forked). */
  processes: number;
  exitCode: number;
  /** When the command was spawned (epoch ms), to place timestamps the tool records within its run. */
  startedAtMs: number;
  stdout: string;
  stderr: string;
  load1: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success (promptfoo exits 100 when an assertion fails). */
  okCodes?: number[];
  timeoutMs?: number;
}

export function requireGnuTime(): void {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: install it with "apt-get install -y time"`);
}

/** Runs `command args…` under GNU time; rejects on a non-ok exit code with the tail of stderr. */
export async function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  requireGnuTime();
  const dir = mkdtempSync(join(tmpdir(), 'rb-meter-'));
  const timeFile = join(dir, 'time.txt');
  const load1 = loadavg()[0] ?? 0;
  const startedAtMs = Date.now();
  const started = performance.now();
  const child = spawn(GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args], {
    cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  let treePeakKb = 0;
  let processes = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const tree = descendants(child.pid); // GNU time itself is the root; its RSS is tiny but counted
    processes = Math.max(processes, tree.length - 1);
    treePeakKb = Math.max(treePeakKb, tree.reduce((sum, pid) => sum + rssKb(pid), 0));
  };
  const sampler = setInterval(sample, 1000);
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? -1));
  });
  const wallS = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  const timeText = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  if (!(options.okCodes ?? [0]).includes(exitCode)) {
    throw new Error(`${command} ${args.slice(0, 3).join(' ')}… exited ${exitCode}:\n${stderr.slice(-2000)}\n${timeText}`);
  }
  // The last line is ours (-f); GNU time prefixes "Command exited with non-zero status N" on its own line.
  const fields = timeText.trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  const [, userS = NaN, sysS = NaN, maxRssKb = NaN] = fields;
  return {
    wallS, userS, sysS, cpuS: userS + sysS, peakRssMb: Math.max(maxRssKb, treePeakKb) / 1024,
    processes: Math.max(processes, 1), exitCode, startedAtMs, stdout, stderr, load1,
  };
}

/** The pid and all its descendants, from /proc/<pid>/stat (no /proc/…/children on this kernel). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parentOf.get(ppid) ?? [];
      list.push(Number(name));
      parentOf.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(parentOf.get(all[i] as number) ?? []));
  return all;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
