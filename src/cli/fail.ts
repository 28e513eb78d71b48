import { isReliabenchError } from '../core/errors.js';

/**
 * Prints an error as one line a person can act on and returns the exit code. Unexpected errors are
 * bugs: they get a short line too, and the stack only with --debug.
 */
export function reportError(error: unknown, debug: boolean): number {
  if (isReliabenchError(error)) {
    process.stderr.write(`reliabench: error: ${oneLine(error.message)}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`reliabench: internal error: ${oneLine(message)} (run again with --debug for details, and please report it)\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
