import { Command } from '@commander-js/extra-typings';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DOMAIN_NAMES } from '../core/item.js';
import { parseDomainList } from '../domains/registry.js';
import type { GenerateEvent } from '../generate/generate-items.js';
import { generateAndStore } from '../generate/ensure-items.js';
import { difficultyStats } from '../generate/difficulty-stats.js';
import { openWorkspace, workspacePath } from '../store/sqlite/open-workspace.js';
import { checkOutputPath } from '../store/export/output-file.js';
import { writeItemsJsonl } from '../store/export/items-jsonl.js';
import { parsePositiveInt, parseSeed } from './parse-options.js';
import { createProgressReporter } from './progress.js';
import { renderDifficultyStats } from './render-stats.js';

export function generateCommand(): Command<[], { domains: string; perDomain: string; seed: string; out: string; stats?: true; scienceData?: string; workspace?: string; quiet?: true }> {
  return new Command('generate')
    .description('generate benchmark items with calibrated difficulty, store them in the workspace and write a file')
    .option('--domains <list>', `comma-separated domains (${DOMAIN_NAMES.join(', ')})`, DOMAIN_NAMES.join(','))
    .option('--per-domain <n>', 'items per domain (science is capped by its question bank)', '100')
    .option('--seed <s>', 'random seed (a whole number); the same seed gives a byte-identical file', '1')
    .option('--out <file>', 'output file: .jsonl (one item per line) or .parquet', 'items.jsonl')
    .option('--stats', 'print a histogram of calibrated difficulty per domain')
    .option('--science-data <dir>', 'folder with the ARC and MMLU CSV files (else $RELIABENCH_SCIENCE_DATA, else the cache, else download)')
    .option('--workspace <file>', 'workspace store (else $RELIABENCH_WORKSPACE, else .reliabench/workspace.sqlite)')
    .option('--quiet', 'print only the summary line')
    .addHelpText('after', `
Examples:
  $ reliabench generate --per-domain 1000 --seed 7 --out items.jsonl --stats
  $ reliabench generate --domains addition,anagram --per-domain 50 --out small.parquet
  $ reliabench generate --domains science --science-data ../shared/data/science

Item schema: docs/item-schema.md. Difficulty functions and calibration: docs/domains/<domain>.md.`)
    .action(async (opts, command) => {
      const domains = parseDomainList(opts.domains);
      const perDomain = parsePositiveInt(opts.perDomain, '--per-domain');
      const seed = parseSeed(opts.seed);
      const output = checkOutputPath(opts.out); // fail before any work
      const db = openWorkspace(workspacePath(opts.workspace));
      try {
        const progress = createProgressReporter();
        const log = (line: string): void => {
          if (!opts.quiet) process.stderr.write(`${line}\n`);
        };
        const onEvent = (e: GenerateEvent): void => {
          if (e.type === 'domain-progress') progress.update(`${e.domain}: ${e.progress.stage}`, e.progress.done, e.progress.total);
          if (e.type === 'domain-done') {
            progress.stop();
            log(`${e.domain}: ${e.produced} items in ${(e.ms / 1000).toFixed(1)} s`);
          }
        };
        // Asked for nothing in particular and gave no science path: a machine without internet still
        // gets the other four domains, with a warning, instead of nothing.
        const scienceOptional = command.getOptionValueSource('domains') === 'default' && !opts.scienceData && !process.env['RELIABENCH_SCIENCE_DATA'];
        const stored = await generateAndStore(db, {
          domains, perDomain, seed,
          ...(opts.scienceData ? { scienceDataPath: opts.scienceData } : {}),
          ...(scienceOptional ? { bestEffort: ['science'] as const } : {}),
        }, onEvent);
        for (const s of stored.skipped) process.stderr.write(`warning: ${s.domain} skipped: ${s.reason}\n`);
        for (const s of stored.shortfalls) log(`note: ${s.domain} has only ${s.produced} distinct items; asked for ${s.requested}`);

        if (output.format === 'jsonl') writeItemsJsonl(output.path, stored.items);
        else (await import('../store/export/items-parquet.js')).writeItemsParquet(output.path, stored.items); // hyparquet-writer only for .parquet
        const sha = createHash('sha256').update(readFileSync(output.path)).digest('hex');

        if (opts.stats) process.stdout.write(`${renderDifficultyStats(difficultyStats(stored.items))}\n`);
        process.stdout.write(`wrote ${stored.items.length} items to ${relative(process.cwd(), output.path) || output.path} (sha256 ${sha}); item set ${stored.setId} in ${relative(process.cwd(), db.name) || db.name}\n`);
      } finally {
        db.close();
      }
    });
}
