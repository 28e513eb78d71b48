#!/usr/bin/env node
import { Command, CommanderError } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { generateCommand } from './generate-command.js';
import { gradeCommand } from './grade-command.js';
import { reportCommand } from './report-command.js';
import { compareCommand } from './compare-command.js';
import { runCommand } from './run-command.js';
import { serveCommand } from './serve-command.js';
import { workerCommand } from './worker-command.js';
import { reportError } from './fail.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function buildProgram(): Command {
  const program = new Command('reliabench')
    .description('Measure whether a language model is reliable for the people who use it:\n' +
      'where it fails unexpectedly, whether it avoids or bluffs, how much phrasing matters.')
    .version(pkg.version)
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.addCommand(generateCommand().exitOverride());
  program.addCommand(runCommand().exitOverride());
  program.addCommand(workerCommand().exitOverride());
  program.addCommand(gradeCommand().exitOverride());
  program.addCommand(reportCommand().exitOverride());
  program.addCommand(compareCommand().exitOverride());
  program.addCommand(serveCommand().exitOverride());
  return program as unknown as Command;
}

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0; // a command may set it (e.g. run stopped)
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander already printed it
    return reportError(error, debug);
  }
}

process.exitCode = await main(process.argv);
