import cliProgress from 'cli-progress';

/**
 * Progress for long work, on stderr: a bar on a terminal, a plain line every few seconds otherwise
 * (CI logs, pipes). Only the CLI uses this; the core emits events.
 */
export interface ProgressReporter {
  update(label: string, done: number, total: number): void;
  stop(): void;
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let bar: cliProgress.SingleBar | undefined;
  let current = '';
  return {
    update(label, done, total) {
      if (label !== current) {
        bar?.stop();
        current = label;
        bar = new cliProgress.SingleBar({
          stream,
          format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted}`,
          hideCursor: true,
        }, cliProgress.Presets.shades_classic);
        bar.start(Math.max(total, done, 1), done);
      }
      bar?.setTotal(Math.max(total, done, 1));
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
      current = '';
    },
  };
}

function lineReporter(stream: NodeJS.WriteStream, everyMs = 5000): ProgressReporter {
  // Quiet for the first interval, so quick work (or an error found at once) prints no progress.
  let last = Date.now();
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      const pct = total > 0 ? ` (${Math.floor((100 * done) / total)}%)` : '';
      stream.write(`${label}: ${done}${total > 0 ? `/${total}` : ''}${pct}\n`);
    },
    stop() {
      last = Date.now();
    },
  };
}
