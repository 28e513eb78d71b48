/**
 * Which groups of words occur anywhere in a text, found in one pass (an Aho–Corasick automaton over
 * lower-case ASCII). The avoidance phrase patterns are large regexes; their trigger words (a word
 * every match contains) say cheaply when a pattern cannot match. Testing each family's trigger list
 * as its own regex cost more than the whole rest of the phrase lookup, so all lists are scanned at
 * once, character by character, and the result is a bit mask of groups.
 *
 * Words must be lower-case ASCII. Upper-case ASCII letters share their lower-case column, and
 * any other character breaks a word: no word contains one, and the phrase patterns (case-insensitive
 * but not Unicode) never match a non-ASCII character to an ASCII letter either.
 */
import { codeAt } from './text-stats.js';
export class WordScanner {
  /** Column of each ASCII code (0: a character no word contains). */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  /** next[state * width + column] → state. */
  private readonly next: Int32Array;
  /** Groups whose word ends at a state (including words ending inside a longer match). */
  private readonly found: Int32Array;

  constructor(groups: readonly (readonly string[])[]) {
    if (groups.length > 31) throw new Error('WordScanner: at most 31 groups');
    let width = 1;
    for (const words of groups) {
      for (const w of words) {
        for (let i = 0; i < w.length; i++) {
          const c = w.charCodeAt(i);
          if (c >= 128 || w[i] !== w[i]?.toLowerCase()) throw new Error(`WordScanner: "${w}" is not lower-case ASCII`);
          if (this.column[c] === 0) this.column[c] = width++;
        }
      }
    }
    this.width = width;
    for (let c = 65; c <= 90; c++) this.column[c] = this.column[c + 32] as number;
    const trie = buildTrie(groups, this.column, width);
    this.next = trie.next;
    this.found = trie.found;
  }

  /** Bit g is set when some word of group g occurs in the text (ASCII letters in any case). */
  scan(text: string): number {
    const { column, next, found, width } = this;
    let state = 0;
    let mask = 0;
    for (let i = 0, len = text.length; i < len; i++) {
      const c = codeAt(text, i);
      state = next[state * width + (c < 128 ? (column[c] as number) : 0)] as number;
      mask |= found[state] as number;
    }
    return mask;
  }
}

/** The trie of all words, completed into a transition table with failure links (breadth first). */
function buildTrie(groups: readonly (readonly string[])[], column: Uint8Array, width: number): { next: Int32Array; found: Int32Array } {
  const children: number[][] = [new Array<number>(width).fill(-1)];
  const found: number[] = [0];
  groups.forEach((words, g) => {
    for (const w of words) {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const col = column[w.charCodeAt(i)] as number;
        let t = (children[s] as number[])[col] as number;
        if (t < 0) {
          t = children.length;
          children.push(new Array<number>(width).fill(-1));
          found.push(0);
          (children[s] as number[])[col] = t;
        }
        s = t;
      }
      found[s] = (found[s] as number) | (1 << g);
    }
  });
  const next = new Int32Array(children.length * width);
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (let col = 0; col < width; col++) {
    const t = (children[0] as number[])[col] as number;
    next[col] = t < 0 ? 0 : t;
    if (t > 0) queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    found[s] = (found[s] as number) | (found[fail[s] as number] as number);
    for (let col = 0; col < width; col++) {
      const t = (children[s] as number[])[col] as number;
      const viaFail = next[(fail[s] as number) * width + col] as number;
      if (t < 0) next[s * width + col] = viaFail;
      else {
        next[s * width + col] = t;
        fail[t] = viaFail;
        queue.push(t);
      }
    }
  }
  return { next, found: Int32Array.from(found) };
}
