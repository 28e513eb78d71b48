import type { Rng } from '../../../core/rng.js';
import { drawPerson, recordCount } from '../sampling.js';
import { CITIES, COLORS, EMAIL_DOMAINS, PRODUCTS } from '../vocab.js';

/**
 * Random small tables for the CSV ⇄ JSON types. Values never contain commas, quotes or line
 * breaks, so CSV needs no quoting and both directions have one correct output.
 */
export type Cell = string | number;
export interface Column {
  name: string;
  numeric: boolean;
  draw(rng: Rng): Cell;
}

const COLUMNS: readonly Column[] = [
  { name: 'name', numeric: false, draw: (r) => { const p = drawPerson(r, 0); return `${p.given[0]} ${p.last}`; } },
  { name: 'city', numeric: false, draw: (r) => r.pick(CITIES) },
  { name: 'age', numeric: true, draw: (r) => r.int(18, 90) },
  { name: 'qty', numeric: true, draw: (r) => r.int(0, 500) },
  { name: 'price', numeric: true, draw: (r) => r.int(1, 99999) / 100 },
  { name: 'product', numeric: false, draw: (r) => r.pick(PRODUCTS) },
  { name: 'color', numeric: false, draw: (r) => r.pick(COLORS) },
  { name: 'sku', numeric: false, draw: (r) => `SKU-${r.int(1000, 9999)}` },
  { name: 'email', numeric: false, draw: (r) => `${drawPerson(r, 0).last.toLowerCase()}${r.int(1, 99)}@${r.pick(EMAIL_DOMAINS)}` },
];

export interface Table {
  columns: Column[];
  rows: Cell[][];
}

export function drawTable(rng: Rng, maxRows: number): Table {
  const columns = rng.shuffle(COLUMNS).slice(0, rng.int(2, 5));
  const n = recordCount(rng, 1, maxRows);
  const rows = Array.from({ length: n }, () => columns.map((c) => c.draw(rng)));
  return { columns, rows };
}

/** How a numeric cell is written in CSV: prices always with two decimals, integers plainly. */
export function csvCell(column: Column, value: Cell): string {
  return column.name === 'price' ? (value as number).toFixed(2) : String(value);
}

/** The table as an array of objects, keys in column order. */
export function tableObjects(table: Table): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] as Cell])));
}

/** "the columns age and qty", "the column price" or null when none is numeric. */
export function numericColumnsPhrase(columns: readonly Column[]): string | null {
  const names = columns.filter((c) => c.numeric).map((c) => c.name);
  if (names.length === 0) return null;
  if (names.length === 1) return `the column ${names[0]}`;
  return `the columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
