import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARC_FILES } from '../arc-loader.js';
import { MMLU_SUBJECTS } from '../difficulty-scale.js';
import { parseCsv } from '../csv-parser.js';
import { buildTar, buildZip } from './archive-builders.js';

/**
 * Test support: archives laid out like the canonical downloads, filled from the real local files.
 * ARC-V1-Feb2018.zip holds ARC-V1-Feb2018-2/ARC-{Easy,Challenge}/ARC-*.csv (plus other files);
 * data.tar holds data/{dev,val,test}/<subject>_<split>.csv in the headerless format, answer A–D.
 */

export function arcZip(dataDir: string, only: string[] = ARC_FILES): Buffer {
  const files = only.map((name) => ({
    name: `ARC-V1-Feb2018-2/${name.split('-').slice(0, 2).join('-')}/${name}`,
    data: readFileSync(join(dataDir, 'arc', name)),
  }));
  return buildZip([
    { name: 'ARC-V1-Feb2018-2/ARC_Corpus.txt', data: 'a corpus sentence.\n'.repeat(200) },
    { name: '__MACOSX/ARC-V1-Feb2018-2/ARC-Easy/._ARC-Easy-Train.csv', data: 'resource fork junk' },
    ...files,
    { name: 'ARC-V1-Feb2018-2/ARC-Easy/ARC-Easy-Train.jsonl', data: '{}\n' },
  ]);
}

/** A local MMLU file rewritten in the upstream format (no header, answer letter). */
export function upstreamMmlu(localText: string): string {
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return parseCsv(localText, 'local.csv')
    .slice(1)
    .map(({ fields }) => [...fields.slice(0, 5).map(quote), 'ABCD'[Number(fields[5])]].join(','))
    .join('\n') + '\n';
}

export function mmluTar(dataDir: string, subjects: readonly string[] = MMLU_SUBJECTS): Buffer {
  const files = subjects.map((s) => ({
    name: `data/test/${s}_test.csv`,
    data: upstreamMmlu(readFileSync(join(dataDir, 'mmlu', `${s}_test.csv`), 'utf8')),
  }));
  return buildTar(
    [
      { name: 'data/dev/astronomy_dev.csv', data: 'q,a,b,c,d,A\n' },
      { name: 'data/test/marketing_test.csv', data: 'q,a,b,c,d,A\n' },
      { name: 'data/test/._astronomy_test.csv', data: 'junk' },
      ...files,
    ],
    { dirs: ['data', 'data/dev', 'data/test'] },
  );
}
