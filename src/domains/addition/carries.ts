/**
 * Counts the carry operations in the column addition of two non-negative decimal strings.
 * A final carry out of the top digit counts as a carry (METHOD.md §2).
 */
export function countCarries(a: string, b: string): number {
  let carry = 0;
  let carries = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = digitAt(a, i);
    const y = digitAt(b, i);
    carry = x + y + carry >= 10 ? 1 : 0;
    carries += carry;
  }
  return carries;
}

/** The i-th digit from the right (0 = units); 0 past the number's length. */
function digitAt(n: string, i: number): number {
  const pos = n.length - 1 - i;
  return pos >= 0 ? n.charCodeAt(pos) - 48 : 0;
}
