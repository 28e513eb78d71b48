import type { Item } from '../../core/item.js';
import type { AdditionGold } from './generate.js';

/**
 * An extracted answer matches when its digits equal the sum. Thousands separators people and models
 * use (commas, spaces, thin spaces, underscores, apostrophes) and a leading "+" are ignored;
 * anything else (a decimal point, a letter) makes it not a match.
 */
export function checkAddition(item: Item<AdditionGold>, answer: string): boolean {
  const digits = answer.trim().replace(/^\+/, '').replace(/[,\s_'\u2009\u202f]/g, '');
  if (!/^\d+$/.test(digits)) return false;
  return digits.replace(/^0+(?=\d)/, '') === item.gold.sum;
}
