import type { Rng } from '../../core/rng.js';

/** Anchor rows of one country. */
export interface CountryRows {
  country: string;
  rows: number[];
}

/** Anchors grouped into bands of log10 population (ascending), and by country within a band. */
export type AnchorStrata = readonly (readonly CountryRows[])[];

/** Groups anchor rows by band of `bandWidth` in log10 population, then by country (first-seen order). */
export function anchorStrata(rows: readonly number[], population: ArrayLike<number>, countries: readonly string[], bandWidth: number): AnchorStrata {
  const bands = new Map<number, Map<string, number[]>>();
  for (const row of rows) {
    const k = Math.floor(Math.log10(Math.max(1, population[row] as number)) / bandWidth);
    let band = bands.get(k);
    if (band === undefined) bands.set(k, (band = new Map()));
    const country = countries[row] as string;
    let list = band.get(country);
    if (list === undefined) band.set(country, (list = []));
    list.push(row);
  }
  return [...bands.keys()].sort((a, b) => a - b).map((k) => [...(bands.get(k) as Map<string, number[]>)].map(([country, r]) => ({ country, rows: r })));
}

/**
 * Rows grouped by country, drawn country first (uniformly), then row; O(1) draw and removal.
 * `pos` (shared by all buckets of one kind, indexed by row) holds each member's slot, −1 when absent.
 */
export class CountryBuckets {
  private readonly buckets: CountryRows[] = [];
  private readonly bucketOf = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly pos: Int32Array,
    initial: readonly CountryRows[] = [],
  ) {
    for (const { country, rows } of initial) {
      if (rows.length === 0 || this.bucketOf.has(country)) throw new Error(`CountryBuckets: bad initial bucket ${country}`);
      this.bucketOf.set(country, this.buckets.length);
      this.buckets.push({ country, rows: rows.slice() });
      rows.forEach((row, i) => (pos[row] = i));
      this.count += rows.length;
    }
  }

  get size(): number {
    return this.count;
  }

  has(row: number): boolean {
    return (this.pos[row] ?? -1) >= 0;
  }

  add(row: number, country: string): void {
    if (this.has(row)) return;
    let b = this.bucketOf.get(country);
    if (b === undefined) {
      b = this.buckets.length;
      this.buckets.push({ country, rows: [] });
      this.bucketOf.set(country, b);
    }
    const rows = (this.buckets[b] as CountryRows).rows;
    this.pos[row] = rows.length;
    rows.push(row);
    this.count++;
  }

  remove(row: number, country: string): void {
    const at = this.pos[row] ?? -1;
    const b = this.bucketOf.get(country);
    if (at < 0 || b === undefined) return;
    this.pos[row] = -1;
    this.count--;
    const rows = (this.buckets[b] as CountryRows).rows;
    const last = rows.pop() as number;
    if (last !== row) {
      rows[at] = last;
      this.pos[last] = at;
    }
    if (rows.length === 0) {
      const moved = this.buckets.pop() as CountryRows;
      this.bucketOf.delete(country);
      if (moved.country !== country) {
        this.buckets[b] = moved;
        this.bucketOf.set(moved.country, b);
      }
    }
  }

  draw(rng: Rng): number | undefined {
    if (this.buckets.length === 0) return undefined;
    return rng.pick(rng.pick(this.buckets).rows);
  }
}

interface Band {
  /** Anchors not used yet. */
  fresh: CountryBuckets;
  /** Anchors used once or more that still have an unused radius. */
  reused: CountryBuckets;
}

/**
 * Stratified anchor sampling: a draw picks a band of log10 population uniformly, then a country
 * uniformly within the band, then an anchor of that country. A band offers its unused anchors first
 * and only then anchors already used with another radius; a band with neither drops out. So f_pop
 * spreads over its whole range and small countries appear as often as large ones.
 */
export class AnchorSampler {
  private readonly bands: Band[] = [];
  private readonly allBands: Band[] = [];
  /** Index into allBands of each anchor row's band. */
  private readonly bandOf: Int32Array;

  /** `rowCount` bounds the row numbers (the gazetteer's size). */
  constructor(strata: AnchorStrata, rowCount: number) {
    const freshPos = new Int32Array(rowCount).fill(-1);
    const reusedPos = new Int32Array(rowCount).fill(-1);
    this.bandOf = new Int32Array(rowCount).fill(-1);
    for (const countries of strata) {
      for (const { rows } of countries) for (const row of rows) this.bandOf[row] = this.allBands.length;
      this.allBands.push({ fresh: new CountryBuckets(freshPos, countries), reused: new CountryBuckets(reusedPos) });
    }
    this.bands.push(...this.allBands);
  }

  /** An anchor row, or undefined when every anchor is exhausted. */
  draw(rng: Rng): number | undefined {
    while (this.bands.length > 0) {
      const i = rng.int(0, this.bands.length - 1);
      const band = this.bands[i] as Band;
      const row = (band.fresh.size > 0 ? band.fresh : band.reused).draw(rng);
      if (row !== undefined) return row;
      this.bands[i] = this.bands[this.bands.length - 1] as Band;
      this.bands.pop();
    }
    return undefined;
  }

  /** Records a use: the anchor moves to its band's reused pool, or leaves when `exhausted`. */
  used(row: number, country: string, exhausted: boolean): void {
    const band = this.allBands[this.bandOf[row] ?? -1];
    if (band === undefined) return;
    band.fresh.remove(row, country);
    if (exhausted) band.reused.remove(row, country);
    else band.reused.add(row, country);
  }
}
