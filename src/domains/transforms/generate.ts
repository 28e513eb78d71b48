import type { GenerateOptions } from '../../core/domain.js';
import { ReliabenchError } from '../../core/errors.js';
import type { ItemDraft } from '../../core/item.js';
import type { Rng } from '../../core/rng.js';
import { difficultyValues } from './difficulty.js';
import type { TransformsGold, TransformType } from './gold.js';
import { TRANSFORM_TYPES } from './type-list.js';

/** Redraws allowed when an instance's output equals its data (sorted already, no repeats …). */
const MAX_ECHO_TRIES = 100;

/**
 * One draft of `type`. An instance whose output equals its data is redrawn, so echoing the data
 * back is never a correct answer.
 */
export function toDraft(type: TransformType, rng: Rng): ItemDraft<TransformsGold> {
  let inst = type.generate(rng);
  for (let tries = 1; inst.output === inst.data; tries++) {
    if (tries >= MAX_ECHO_TRIES) throw new ReliabenchError('INTERNAL', `transforms type ${type.name} keeps producing output equal to its input`);
    inst = type.generate(rng);
  }
  const task = `${inst.instruction.charAt(0).toUpperCase()}${inst.instruction.slice(1)}.`;
  return {
    input: { task, task_question: inst.instruction, data: inst.data },
    gold: { type: type.name, output: inst.output },
    difficulty: difficultyValues(inst.data, inst.output),
    source: { type: type.name, records: inst.records },
  };
}

/**
 * `count` distinct drafts (distinct type + data). The sequence of types is round-robin, each cycle
 * of 19 in an order shuffled by the rng, so every type appears once per cycle. Each type then draws
 * its drafts from its own stream (rng.fork(type name)), one type at a time: that keeps a type's
 * items independent of the other types' generators, and running one generator many times in a row
 * is faster than interleaving them (warmer caches and JIT). Deterministic for the rng state.
 */
export function generateTransformDrafts(rng: Rng, options: GenerateOptions): ItemDraft<TransformsGold>[] {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new ReliabenchError('BAD_ARGUMENT', `count must be a whole number ≥ 0, got ${count}`, { input: String(count) });
  }
  const order: TransformType[] = [];
  while (order.length < count) order.push(...rng.shuffle(TRANSFORM_TYPES).slice(0, count - order.length));
  const queues = new Map<TransformType, ItemDraft<TransformsGold>[]>();
  for (const type of TRANSFORM_TYPES) {
    const typeRng = rng.fork(type.name);
    const needed = order.filter((t) => t === type).length;
    queues.set(type, distinctDrafts(type, typeRng, needed));
  }
  const taken = new Map<TransformType, number>();
  return order.map((type) => {
    const k = taken.get(type) ?? 0;
    taken.set(type, k + 1);
    return (queues.get(type) as ItemDraft<TransformsGold>[])[k] as ItemDraft<TransformsGold>;
  });
}

/** `needed` drafts of one type with distinct data; a draft whose data was already drawn is redrawn. */
function distinctDrafts(type: TransformType, rng: Rng, needed: number): ItemDraft<TransformsGold>[] {
  const seen = new Set<string>();
  const drafts: ItemDraft<TransformsGold>[] = [];
  const maxTries = 5 * needed + 100;
  for (let tries = 0; drafts.length < needed; tries++) {
    if (tries >= maxTries) {
      throw new ReliabenchError('BAD_ARGUMENT', `cannot make ${needed} distinct ${type.name} items; the type keeps repeating itself (got ${drafts.length})`, { input: String(needed) });
    }
    const draft = toDraft(type, rng);
    const data = draft.input.data as string;
    if (seen.has(data)) continue;
    seen.add(data);
    drafts.push(draft);
  }
  return drafts;
}
