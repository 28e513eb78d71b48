import type { RunEvent } from '../engine/run-types.js';

/**
 * Renders the engine's events on stderr: on a terminal, one line redrawn in place (done/total,
 * rate, errors, ETA); otherwise a plain line every few seconds, for logs and CI.
 */
export function createRunProgress(stream: NodeJS.WriteStream = process.stderr, everyMs = 5000): (e: RunEvent) => void {
  let started = Date.now();
  let startDone = 0;
  let lastDraw = 0;
  let lastCounts = '';
  const draw = (done: number, total: number, errors: number, final: boolean): void => {
    const now = Date.now();
    if (!final && now - lastDraw < (stream.isTTY ? 100 : everyMs)) return;
    if (final && !stream.isTTY && lastCounts === `${done}/${total}/${errors}`) return; // already the last line
    lastDraw = now;
    lastCounts = `${done}/${total}/${errors}`;
    const line = formatProgress(done, total, errors, done - startDone, (now - started) / 1000);
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
  return (e) => {
    if (e.type === 'run-start') {
      started = Date.now();
      startDone = e.alreadyDone;
      lastDraw = stream.isTTY ? 0 : Date.now();
      if (e.alreadyDone > 0) stream.write(`resuming run ${e.runId}: ${e.alreadyDone} of ${e.total} trials already done\n`);
    } else if (e.type === 'trial-done') {
      draw(e.done, e.total, e.errors, false);
    } else if (e.type === 'run-end') {
      draw(e.done, e.total, e.errors, true);
    }
  };
}

/** `1234/5000 trials (24.7%) · 31.2/s · 3 errors · ETA 2m 01s` */
export function formatProgress(done: number, total: number, errors: number, doneThisSession: number, elapsedS: number): string {
  const rate = elapsedS > 0 ? doneThisSession / elapsedS : 0;
  const pct = total > 0 ? ((100 * done) / total).toFixed(1) : '100.0';
  const eta = rate > 0 && done < total ? ` · ETA ${duration((total - done) / rate)}` : '';
  return `${done}/${total} trials (${pct}%) · ${rate.toFixed(1)}/s · ${errors} error${errors === 1 ? '' : 's'}${eta}`;
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
