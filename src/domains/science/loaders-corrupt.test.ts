import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReliabenchError } from '../../core/errors.js';
import { ARC_COLUMNS } from './arc-loader.js';
import { listScienceFiles } from './data-files.js';
import { loadScienceBank } from './question-bank.js';
import { parseMmluFile } from './mmlu-loader.js';
import { realScienceDataPath } from './test-support/science-data.js';

const HEADER = ARC_COLUMNS.join(',');
const arcRow = (id: string, key: string, question: string, flags = '1,0', grade = '8') =>
  `${id},1,1,${key},${flags},TEST,${grade},2020,"${question.replace(/"/g, '""')}",,Train`;
const MMLU_OK = 'question,choice0,choice1,choice2,choice3,answer\nWhat is 1+1?,1,2,3,4,1\n';

let dir: string;

/** A data folder with one ARC-Easy-Train.csv and one MMLU file, returning the ARC path. */
async function dataFolder(name: string, arcText: string, mmluText = MMLU_OK): Promise<{ root: string; arc: string; mmlu: string }> {
  const root = join(dir, name);
  await mkdir(join(root, 'arc'), { recursive: true });
  await mkdir(join(root, 'mmlu'), { recursive: true });
  const arc = join(root, 'arc', 'ARC-Easy-Train.csv');
  const mmlu = join(root, 'mmlu', 'astronomy_test.csv');
  await writeFile(arc, arcText);
  await writeFile(mmlu, mmluText);
  return { root, arc, mmlu };
}

async function loadError(root: string): Promise<ReliabenchError> {
  const error = await loadScienceBank(await listScienceFiles(root)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReliabenchError);
  return error as ReliabenchError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliabench-science-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('corrupt science files', () => {
  const good = arcRow('Q1', 'B', 'Which is a gas? (A) ice (B) steam (C) rock (D) sand');

  it('names file and line for a wrong column count, after a multi-line quoted field', async () => {
    const multiLine = arcRow('Q2', 'A', 'First line\nsecond line (A) a (B) b (C) c (D) d');
    const { root, arc } = await dataFolder('columns', [HEADER, good, multiLine, 'Q3,1,1,A,1,0,TEST,8'].join('\r\n'));
    const e = await loadError(root);
    expect(e.code).toBe('SCIENCE_DATA_CORRUPT');
    expect(e.message).toBe(`${arc}:5: expected 12 columns, found 8`);
    expect(e.input).toBe(arc);
  });

  it('names a missing header column', async () => {
    const { root, arc } = await dataFolder('header', [HEADER.replace('AnswerKey,', ''), good].join('\n'));
    expect((await loadError(root)).message).toBe(`${arc}:1: missing header column "AnswerKey"`);
  });

  it('rejects an answer key that is not A–E/1–5 or points past the options', async () => {
    const bad = await dataFolder('key', [HEADER, good, arcRow('Q9', 'F', 'Pick (A) a (B) b (C) c (D) d')].join('\n'));
    expect((await loadError(bad.root)).message).toMatch(new RegExp(`^${bad.arc}:3: question Q9: bad answer key "F"`));
    const past = await dataFolder('key2', [HEADER, arcRow('Q8', 'D', 'Pick (A) a (B) b (C) c')].join('\n'));
    expect((await loadError(past.root)).message).toMatch(/:2: question Q8: bad answer key "D" \(expected A–C or 1–3\)/);
  });

  it('reports an unterminated quote where it opened', async () => {
    const { root, arc } = await dataFolder('quote', `${HEADER}\n${good}\nQ4,1,1,A,1,0,TEST,8,2020,"never closed (A) a\n`);
    expect((await loadError(root)).message).toBe(`${arc}:3: unterminated quoted field (a " opened here is never closed)`);
  });

  it('rejects a question without option labels and a bad schoolGrade', async () => {
    const noLabels = await dataFolder('labels', [HEADER, arcRow('Q5', 'A', 'Explain why the sky is blue.')].join('\n'));
    expect((await loadError(noLabels.root)).message).toMatch(/:2: question Q5: no option labels/);
    const grade = await dataFolder('grade', [HEADER, arcRow('Q6', 'A', 'P (A) a (B) b (C) c (D) d', '1,0', 'eight')].join('\n'));
    expect((await loadError(grade.root)).message).toMatch(/:2: schoolGrade must be a whole number from 3 to 9/);
  });

  it('rejects bad MMLU answers and column counts with file and line', async () => {
    const answer = await dataFolder('mmlu-key', `${HEADER}\n${good}\n`, `${MMLU_OK}"Two\nlines",a,b,c,d,7\n`);
    expect((await loadError(answer.root)).message).toBe(`${answer.mmlu}:3: bad answer key "7" (expected 0–3 or A–D)`);
    const cols = await dataFolder('mmlu-cols', `${HEADER}\n${good}\n`, 'Q?,a,b,c,d,e,A\n');
    expect((await loadError(cols.root)).message).toBe(`${cols.mmlu}:1: expected 6 columns, found 7`);
    const header = await dataFolder('mmlu-header', `${HEADER}\n${good}\n`, 'question,choice0,choice1,choice2,answer\nq,a,b,c,1\n');
    expect((await loadError(header.root)).message).toBe(`${header.mmlu}:1: missing header column "choice3"`);
  });
});

describe('ARC filters and MMLU formats', () => {
  it('excludes diagram and non-multiple-choice questions and counts them', async () => {
    const rows = [
      HEADER,
      arcRow('K1', 'A', 'Keep me (A) a (B) b (C) c (D) d'),
      arcRow('D1', 'A', 'Look at the diagram (A) a (B) b (C) c (D) d', '1,1'),
      arcRow('O1', '', 'Explain in your own words why leaves fall.', '0,0'),
      arcRow('T1', '2', 'Three options (1) a (2) b (3) c'),
    ];
    const { root } = await dataFolder('filters', rows.join('\n'));
    const { questions, stats } = await loadScienceBank(await listScienceFiles(root));
    expect(stats).toMatchObject({ arcRecords: 4, excludedDiagram: 1, excludedNotMultipleChoice: 1, excludedNotFourOptions: 1, arcNumericKeys: 1 });
    expect(questions.map((q) => q.source['questionId'] ?? q.source['subject'])).toEqual(['K1', 'astronomy']);
  });

  it('reads the upstream headerless MMLU format exactly like the local one', async () => {
    const local = join(realScienceDataPath(), 'mmlu', 'conceptual_physics_test.csv');
    const text = await readFile(local, 'utf8');
    // rewrite as upstream: no header, answer as a letter (re-quoting every field)
    const rows = parseMmluFile(text, local, 'conceptual_physics');
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const upstream = rows
      .map((q) => [q.stem, ...q.options].map(quote).join(',') + ',' + 'ABCD'[q.answerIndex])
      .join('\n');
    const fromUpstream = parseMmluFile(upstream, 'upstream.csv', 'conceptual_physics');
    expect(fromUpstream).toEqual(rows);
    expect(rows).toHaveLength(235);
    expect(rows[0]).toMatchObject({ stem: 'A 10-N force at an angle 45° above the horizontal has a horizontal component of about', answerIndex: 0 });
  });
});
