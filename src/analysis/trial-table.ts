/**
 * Groups graded trials by model × domain into compact typed arrays, in one pass. Everything
 * downstream works on these counts: a cell per (item, template) holds how many trials were correct,
 * avoidant and incorrect, so millions of trials shrink to a few thousand numbers per group and no
 * analysis loop touches a trial object again.
 */
import { BIN_COUNT, isDomainName, type DomainName } from '../core/item.js';
import { ReliabenchError } from '../core/errors.js';
import type { GradedTrial } from './analysis-types.js';

/** Index of each outcome in a cell. */
export const CORRECT = 0;
export const AVOIDANT = 1;
export const INCORRECT = 2;
export const OUTCOMES = 3;

export interface GroupTable {
  modelKey: string;
  domain: DomainName;
  /** Sorted ascending, so results never depend on the order trials arrived in. */
  itemIds: string[];
  /** Per item, on the 0–100 axis. */
  difficulty: Float64Array;
  /** Per item, 0 … BIN_COUNT−1. */
  bin: Int32Array;
  /** Sorted ascending. */
  templateIds: string[];
  /** cells[(item · templates + template) · 3 + outcome] = number of trials. */
  cells: Int32Array;
  trials: number;
}

class GroupBuilder {
  readonly items = new Map<string, number>();
  readonly difficulty: number[] = [];
  readonly bin: number[] = [];
  readonly templates = new Map<string, number>();
  trialItem = new Int32Array(1024);
  trialTemplate = new Int32Array(1024);
  trialOutcome = new Uint8Array(1024);
  length = 0;

  constructor(readonly modelKey: string, readonly domain: DomainName) {}

  add(t: GradedTrial): void {
    let item = this.items.get(t.itemId);
    if (item === undefined) item = this.newItem(t);
    else if (this.difficulty[item] !== t.difficulty) {
      throw bad(`item ${t.itemId} has two difficulties (${this.difficulty[item]} and ${t.difficulty}) for model ${t.modelKey}`);
    }
    let template = this.templates.get(t.templateId);
    if (template === undefined) {
      template = this.templates.size;
      this.templates.set(t.templateId, template);
    }
    if (this.length === this.trialItem.length) this.grow();
    this.trialItem[this.length] = item;
    this.trialTemplate[this.length] = template;
    this.trialOutcome[this.length] = outcomeIndex(t);
    this.length++;
  }

  private newItem(t: GradedTrial): number {
    if (!(t.difficulty >= 0 && t.difficulty <= 100) || !Number.isInteger(t.bin) || t.bin < 0 || t.bin >= BIN_COUNT) {
      throw bad(`item ${t.itemId}: difficulty ${t.difficulty} / bin ${t.bin} is off the 0–100 axis or its ${BIN_COUNT} bins`);
    }
    const index = this.difficulty.length;
    this.items.set(t.itemId, index);
    this.difficulty.push(t.difficulty);
    this.bin.push(t.bin);
    return index;
  }

  private grow(): void {
    const size = this.trialItem.length * 2;
    const item = new Int32Array(size);
    item.set(this.trialItem);
    const template = new Int32Array(size);
    template.set(this.trialTemplate);
    const outcome = new Uint8Array(size);
    outcome.set(this.trialOutcome);
    this.trialItem = item;
    this.trialTemplate = template;
    this.trialOutcome = outcome;
  }

  /** Re-indexes items and templates in sorted order and counts the cells. */
  finish(): GroupTable {
    const itemIds = [...this.items.keys()].sort();
    const templateIds = [...this.templates.keys()].sort();
    const itemRank = new Int32Array(itemIds.length);
    itemIds.forEach((id, rank) => { itemRank[this.items.get(id) as number] = rank; });
    const templateRank = new Int32Array(templateIds.length);
    templateIds.forEach((id, rank) => { templateRank[this.templates.get(id) as number] = rank; });
    const nT = templateIds.length;
    const cells = new Int32Array(itemIds.length * nT * OUTCOMES);
    for (let k = 0; k < this.length; k++) {
      const cell = (itemRank[this.trialItem[k] as number] as number) * nT + (templateRank[this.trialTemplate[k] as number] as number);
      const at = cell * OUTCOMES + (this.trialOutcome[k] as number);
      cells[at] = (cells[at] as number) + 1;
    }
    const difficulty = new Float64Array(itemIds.length);
    const bin = new Int32Array(itemIds.length);
    itemIds.forEach((id, rank) => {
      const old = this.items.get(id) as number;
      difficulty[rank] = this.difficulty[old] as number;
      bin[rank] = this.bin[old] as number;
    });
    return { modelKey: this.modelKey, domain: this.domain, itemIds, difficulty, bin, templateIds, cells, trials: this.length };
  }
}

function outcomeIndex(t: GradedTrial): number {
  switch (t.outcome) {
    case 'correct': return CORRECT;
    case 'avoidant': return AVOIDANT;
    case 'incorrect': return INCORRECT;
    default: throw bad(`trial of item ${t.itemId} has an unknown outcome ${JSON.stringify(t.outcome)}`);
  }
}

function bad(message: string): ReliabenchError {
  return new ReliabenchError('BAD_ARGUMENT', `analysis input: ${message}`);
}

/** One table per model × domain, sorted by model key then domain name. */
export function groupTrials(trials: Iterable<GradedTrial>): GroupTable[] {
  const byModel = new Map<string, Map<DomainName, GroupBuilder>>();
  let lastModel = '';
  let lastDomain = '';
  let last: GroupBuilder | undefined;
  for (const t of trials) {
    // Trials usually arrive grouped, so the previous builder is the likely one: skip two lookups.
    if (last === undefined || t.modelKey !== lastModel || t.domain !== lastDomain) {
      let domains = byModel.get(t.modelKey);
      if (domains === undefined) byModel.set(t.modelKey, (domains = new Map()));
      last = domains.get(t.domain);
      if (last === undefined) {
        if (!isDomainName(t.domain)) throw bad(`trial of item ${t.itemId} has an unknown domain ${JSON.stringify(t.domain)}`);
        domains.set(t.domain, (last = new GroupBuilder(t.modelKey, t.domain)));
      }
      lastModel = t.modelKey;
      lastDomain = t.domain;
    }
    last.add(t);
  }
  const tables: GroupTable[] = [];
  for (const model of [...byModel.keys()].sort()) {
    const domains = byModel.get(model) as Map<DomainName, GroupBuilder>;
    for (const domain of [...domains.keys()].sort()) tables.push((domains.get(domain) as GroupBuilder).finish());
  }
  return tables;
}
