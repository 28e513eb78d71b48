/** Test support: grade a response against a real item and prompt, and describe the result briefly. */
import type { Item } from '../../core/item.js';
import type { RenderMode } from '../../core/template.js';
import { grade } from '../grade.js';
import type { Grade } from '../grade-types.js';
import { promptFor } from './items.js';

export interface Case {
  name: string;
  response: string;
  /** 'correct', 'incorrect' or the avoidance sub-type. */
  expect: string;
  mode?: RenderMode;
  /** Template number, 1–15 (default 1). */
  tpl?: number;
}

export function gradeCase(item: Item, c: Case): Grade {
  const mode = c.mode ?? 'chat';
  return grade({ item, response: c.response, prompt: promptFor(item, c.tpl ?? 1, mode), mode });
}

/** "correct", "incorrect" or the avoidance sub-type. */
export function label(g: Grade): string {
  return g.outcome === 'avoidant' ? (g.avoidance as string) : g.outcome;
}
