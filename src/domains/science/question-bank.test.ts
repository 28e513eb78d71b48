import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listScienceFiles } from './data-files.js';
import { loadScienceBank, type ScienceBankData } from './question-bank.js';
import { parseArcFile } from './arc-loader.js';
import { realScienceDataPath } from './test-support/science-data.js';

const DATA = realScienceDataPath();
let bank: ScienceBankData;

beforeAll(async () => {
  bank = await loadScienceBank(await listScienceFiles(DATA));
});

const byId = (id: string) => bank.questions.find((q) => q.source['questionId'] === id);

describe('the science bank built from the real ARC and MMLU files', () => {
  it('counts every record and every exclusion', () => {
    expect(bank.stats).toEqual({
      arcRecords: 7787,
      mmluRecords: 1943,
      arcNumericKeys: 269,
      excludedDiagram: 0,
      excludedNotMultipleChoice: 0,
      excludedNotFourOptions: 37,
      excludedBadOptions: 3,
      excludedDuplicates: 15,
      kept: 9675,
    });
    expect(bank.questions).toHaveLength(9675);
  });

  it('normalises numeric answer keys and (1)…(4) labels to letters', () => {
    // ARC-Challenge-Dev: key "2", options (1)…(4), stem full of non-label parentheses
    const q = byId('NYSEDREGENTS_2014_8_20');
    expect(q?.stem).toBe(
      'The equation below shows the products formed when a solution of silver nitrate (AgNO3) reacts with a solution of ' +
        'sodium chloride (NaCl). AgNO3 + NaCl (Reactants) -> NaNO3 + AgCl (Products) In this equation, the total mass of the reactants is',
    );
    expect(q?.answerIndex).toBe(1);
    expect(q?.options[1]).toBe('equal to the total mass of the products');
    const solid = byId('NYSEDREGENTS_2014_8_38');
    expect(solid?.options).toEqual([
      'a definite shape and a definite volume',
      'a definite shape, but no definite volume',
      'no definite shape, but a definite volume',
      'no definite shape and no definite volume',
    ]);
    expect(solid?.answerIndex).toBe(0);
  });

  it('parses 3- and 5-option questions but keeps only 4-option ones', () => {
    const path = join(DATA, 'arc', 'ARC-Easy-Train.csv');
    const parsed = parseArcFile(readFileSync(path, 'utf8'), path, 'ARC-Easy-Train.csv').questions;
    const three = parsed.find((q) => q.source['questionId'] === 'NYSEDREGENTS_2006_8_37');
    const five = parsed.find((q) => q.source['questionId'] === 'TIMSS_1995_8_Q14');
    expect(three?.options).toHaveLength(3);
    expect(three?.answerIndex).toBe(2); // key "3"
    expect(five?.options).toHaveLength(5);
    expect(five?.answerIndex).toBe(4); // key "E"
    expect(byId('NYSEDREGENTS_2006_8_37')).toBeUndefined();
    expect(byId('TIMSS_1995_8_Q14')).toBeUndefined();
    expect(bank.questions.every((q) => q.options.length === 4 && q.answerIndex >= 0 && q.answerIndex < 4)).toBe(true);
  });

  it('reads labels glued to the stem ("north?(A)") and drops stray control characters', () => {
    expect(byId('MCAS_2015_5_11')?.options).toEqual(['electrical', 'heat', 'light', 'magnetic']);
    expect(bank.questions.some((q) => /[\x00-\x08\x0b-\x1f]/.test(q.stem + q.options.join('')))).toBe(false);
  });

  it('keeps one copy of duplicated content, even with the options reordered', () => {
    expect(byId('NYSEDREGENTS_2009_4_25')).toBeDefined();
    expect(byId('NYSEDREGENTS_2012_4_20')).toBeUndefined(); // same question, options in another order
    expect(byId('CSZ_2009_8_CSZ30768')).toBeDefined();
    expect(byId('CSZ30768')).toBeUndefined();
    const keys = bank.questions.map((q) => `${q.stem.toLowerCase()}|${[...q.options].map((o) => o.toLowerCase()).sort().join('|')}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('drops MMLU questions with a repeated option', () => {
    const mmlu = (subject: string, row: number) => bank.questions.find((q) => q.source['subject'] === subject && q.source['row'] === row);
    expect(mmlu('high_school_physics', 99)).toBeUndefined(); // '0.16 N' twice
    expect(mmlu('electrical_engineering', 21)).toBeUndefined(); // '0.015 joule.' twice
    expect(mmlu('high_school_physics', 98)).toBeDefined();
  });

  it('covers all 17 f_hum levels', () => {
    expect(new Set(bank.questions.map((q) => q.difficulty['f_hum'])).size).toBe(17);
  });
});
