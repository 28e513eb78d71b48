/**
 * The server's own ceiling: a load generator POSTing one realistic chat request (a prompt reliabench
 * sends) to the instant server as fast as it can. autocannon (npm, in bench/peer) is the baseline;
 * Debian's wrk, where installed, is measured as well, since a C client leaves more CPU to the server.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './process-meter.js';
import { AUTOCANNON_BIN, MODEL_NAME } from './peer-workload.js';

export const WRK = '/usr/bin/wrk';

export interface LoadResult {
  tool: 'autocannon' | 'wrk';
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  /** Non-2xx answers, socket errors and timeouts together; must be 0 for the figure to count. */
  failures: number;
  cpuS: number;
  load1: number;
  command: string;
}

export function requestBody(prompt: string): string {
  return JSON.stringify({ model: MODEL_NAME, messages: [{ role: 'user', content: prompt }], max_tokens: 256, temperature: 0 });
}

export async function autocannon(url: string, body: string, connections: number, seconds: number): Promise<LoadResult> {
  const args = [AUTOCANNON_BIN, '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json',
    '-b', body, '--json', `${url}/v1/chat/completions`];
  const m = await measure(process.execPath, args);
  const j = JSON.parse(m.stdout) as { '2xx': number; non2xx: number; errors: number; timeouts: number; duration: number };
  return {
    tool: 'autocannon', connections, seconds: j.duration, requests: j['2xx'], perSecond: j['2xx'] / j.duration,
    failures: j.non2xx + j.errors + j.timeouts, cpuS: m.cpuS, load1: m.load1,
    command: `autocannon -c ${connections} -d ${seconds} -m POST -H content-type=application/json -b '<one prompt>' ${'<server>'}/v1/chat/completions`,
  };
}

export async function wrk(url: string, body: string, connections: number, seconds: number): Promise<LoadResult | undefined> {
  if (!existsSync(WRK)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'rb-wrk-'));
  const script = join(dir, 'post.lua');
  writeFileSync(script, `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${luaString(body)}\n`);
  try {
    const m = await measure(WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, `${url}/v1/chat/completions`]);
    const within = /(\d+) requests in ([\d.]+)(m?s)/.exec(m.stdout);
    const total = Number(within?.[1] ?? NaN);
    const secs = within ? Number(within[2]) / (within[3] === 'ms' ? 1000 : 1) : seconds;
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(m.stdout)?.[1] ?? 0);
    const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(m.stdout);
    const errors = socketErrors ? socketErrors.slice(1).reduce((s, x) => s + Number(x), 0) : 0;
    return {
      tool: 'wrk', connections, seconds: secs, requests: total - non2xx, perSecond: (total - non2xx) / secs, failures: non2xx + errors,
      cpuS: m.cpuS, load1: m.load1, command: `wrk -t1 -c${connections} -d${seconds}s -s post.lua <server>/v1/chat/completions`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function luaString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
