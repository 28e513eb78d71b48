import type { DomainName, Item, ItemDraft } from './item.js';
import type { Rng } from './rng.js';
import type { Template } from './template.js';

export interface DifficultyFunction {
  name: string;
  /** One line: what it measures and which direction is harder. */
  description: string;
}

export interface GenerateOptions {
  /** How many distinct items to return (fewer only when a fixed bank runs out: science). */
  count: number;
  /** Folder of the science question files (science only). */
  scienceDataPath?: string;
  /** Reports long preparatory work (loading data, downloading) to the caller. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
}

/**
 * The seam every domain implements (DESIGN.md). Adding a domain is adding a folder that exports one
 * of these and listing it in the registry.
 */
export interface Domain<Gold = unknown> {
  name: DomainName;
  /** One line for --help and the README. */
  description: string;
  /** Every candidate difficulty function (METHOD.md section 2's table); the chosen one among them. */
  difficultyFunctions: readonly DifficultyFunction[];
  chosenDifficulty: string;
  /**
   * The documented default monotone map from an item's difficulty values to the 0–100 axis.
   * It must be non-decreasing in the chosen function (ties may be broken by other values, documented).
   * Study S1 will replace it with a fitted map later.
   */
  calibrate(values: Record<string, number>): number;
  /**
   * True when generation reads data from outside the package (a path or a download). Such domains
   * run first, so a missing path or an offline download fails before minutes of other work.
   */
  readsExternalData?: boolean;
  /** Exactly 15 templates. */
  templates: readonly Template[];
  /** `count` distinct drafts (distinct input), deterministic for a given rng state. */
  generate(rng: Rng, options: GenerateOptions): Promise<ItemDraft<Gold>[]>;
  /** Whether an already extracted answer string matches the gold (the grader extracts it). */
  check(item: Item<Gold>, answer: string): boolean;
}
