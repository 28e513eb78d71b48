import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey, usefulAltNames } from './place-names.js';

describe('nameKey', () => {
  it('folds accents, case, punctuation, spacing and common abbreviations', () => {
    const same = (a: string, b: string): void => expect(nameKey(a), `${a} vs ${b}`).toBe(nameKey(b));
    same('Saint-Étienne', 'saint etienne');
    same('Saint-Étienne', 'St. Étienne');
    same('Sant Julià de Lòria', 'SANT JULIA DE LORIA');
    same('Mount Vernon', 'Mt Vernon');
    same("L'Aquila", 'LAquila');
    same('Łódź', 'Lodz');
    same('Straße', 'strasse');
    same('København', 'Kobenhavn');
    expect(nameKey('Lyon')).not.toBe(nameKey('Lyons'));
  });

  it('keeps letters of every script', () => {
    expect(nameKey('Женева')).toBe('женева');
    expect(nameKey('日内瓦')).toBe('日内瓦');
  });

  it('ignores how words are separated and whether letters carry accents', () => {
    // letters only: à-ÿ would include ÷ (U+00F7), a separator, which can split off an abbreviation such as 'mt'
    const word = fc.stringMatching(/^[a-zà-öø-ÿ]{1,8}$/).filter((w) => !['st', 'ste', 'mt', 'ft'].includes(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '-', "'", '. ', ', '), (words, sep) => {
        const key = nameKey(words.join(''));
        expect(nameKey(words.join(sep))).toBe(key);
        expect(nameKey(words.join(sep).toUpperCase())).toBe(key);
        expect(nameKey(words.join(' ').normalize('NFD').replace(/\p{M}/gu, ''))).toBe(key);
      }),
    );
  });
});

describe('usefulAltNames', () => {
  it("keeps real names and drops codes, links, postcodes and machine transliterations (Lyon's field)", () => {
    const field = 'LYS,Leon do Roine,Lione,Lugdunum,Lyons,li ang,lywn,Лион,リヨン,https://en.wikipedia.org/wiki/Lyon,69000,LFLL';
    expect(usefulAltNames(field)).toEqual(['Leon do Roine', 'Lione', 'Lugdunum', 'Lyons', 'Лион', 'リヨン']);
    expect(usefulAltNames('')).toEqual([]);
  });
});
