import { describe, expect, it } from 'vitest';
import { buildOffensiveFilter, inflectionsOf, normaliseListEntry } from './offensive.js';
import { readOffensiveList } from './data-files.js';

describe('inflectionsOf', () => {
  it('covers plurals, verb forms and stems of listed words', () => {
    expect(inflectionsOf('boob')).toEqual(expect.arrayContaining(['boob', 'boobs', 'boobies']));
    expect(inflectionsOf('rape')).toEqual(expect.arrayContaining(['rapes', 'raped', 'raping']));
    expect(inflectionsOf('cum')).toEqual(expect.arrayContaining(['cums', 'cumming', 'cummed']));
    expect(inflectionsOf('crap')).toEqual(expect.arrayContaining(['crappy', 'crappier', 'crappiest']));
    expect(inflectionsOf('bitches')).toContain('bitch');
    expect(inflectionsOf('horny')).toEqual(expect.arrayContaining(['hornier', 'horniest']));
  });
});

describe('normaliseListEntry', () => {
  it('joins phrases and drops entries that are not plain letters', () => {
    expect(normaliseListEntry('Blow Job')).toBe('blowjob');
    expect(normaliseListEntry('2g1c')).toBeUndefined();
  });
});

describe('buildOffensiveFilter', () => {
  const filter = buildOffensiveFilter(['badword', 'vile', 'two words'], ['nasty']);

  it('blocks listed words, their inflections, joined phrases and the extra words', () => {
    for (const w of ['badword', 'badwords', 'vile', 'viler', 'twowords', 'nasty', 'nastier']) expect(filter.isOffensive(w)).toBe(true);
  });

  it('blocks words containing a listed word of 5+ letters, but not of 4', () => {
    expect(filter.isOffensive('superbadwordy')).toBe(true);
    expect(filter.isOffensive('nastiness')).toBe(false); // "nasty" is not inside it
    expect(filter.isOffensive('unvileness')).toBe(false); // "vile" has 4 letters
  });

  it('finds listed single words of 3+ letters inside scrambles, not phrases', () => {
    expect(filter.containsOffensive('xxvilexx')).toBe(true);
    expect(filter.containsOffensive('vil')).toBe(false);
    expect(filter.containsOffensive('twowords')).toBe(false);
  });

  it('on the real naughty-words list blocks the obvious and keeps everyday words', () => {
    const real = buildOffensiveFilter(readOffensiveList());
    for (const w of ['fuck', 'fucking', 'motherfucking', 'bitches', 'whorehouse', 'pissed', 'crappy', 'dykes', 'retards']) {
      expect(real.isOffensive(w), w).toBe(true);
    }
    for (const w of ['class', 'grape', 'cocktail', 'analysis', 'assume', 'scrape', 'passion', 'sextant']) {
      expect(real.isOffensive(w), w).toBe(false);
    }
    expect(real.containsOffensive('qxsexq')).toBe(true);
    expect(real.containsOffensive('tsnile')).toBe(false);
  });
});
