/**
 * Per-item memo: extractors derive a context from an item (addends, the scramble's letters, the
 * anchor's name keys, the option texts) once, not once per response.
 */
import type { Item } from '../../core/item.js';

export function perItem<T>(build: (item: Item | undefined) => T): (item: Item | undefined) => T {
  const memo = new WeakMap<Item, T>();
  let none: T | undefined;
  return (item) => {
    if (item === undefined) return (none ??= build(undefined));
    let value = memo.get(item);
    if (value === undefined) {
      value = build(item);
      memo.set(item, value);
    }
    return value;
  };
}
