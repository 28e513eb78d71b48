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
export class WordScanner {
  /**
   * The automaton as one table: step[state * 128 + c], for an ASCII byte c, holds the next state in
   * its low 16 bits and the groups whose word ends there (including words ending inside a longer
   * match) in its high 16, so scanning reads one table entry a byte.
   */
  private readonly step: Int32Array;

  constructor(groups: readonly (readonly string[])[]) {
    if (groups.length > 16) throw new Error('WordScanner: at most 16 groups');
    /** Column of each ASCII code (0: a character no word contains). */
    const column = new Uint8Array(128);
    let width = 1;
    for (const words of groups) {
      for (const w of words) {
        for (let i = 0; i < w.length; i++) {
          const c = w.charCodeAt(i);
          if (c >= 128 || w[i] !== w[i]?.toLowerCase()) throw new Error(`WordScanner: "${w}" is not lower-case ASCII`);
          if (column[c] === 0) column[c] = width++;
        }
      }
    }
    for (let c = 65; c <= 90; c++) column[c] = column[c + 32] as number;
    const { next, found } = buildTrie(groups, column, width);
    const states = found.length;
    if (states > 0xffff) throw new Error('WordScanner: too many words');
    this.step = new Int32Array(states * 128);
    for (let st = 0; st < states; st++) {
      for (let c = 0; c < 128; c++) {
        const to = next[st * width + (column[c] as number)] as number;
        this.step[st * 128 + c] = ((found[to] as number) << 16) | to;
      }
    }
  }

  /**
   * Bit g is set when some word of group g occurs in the text (ASCII letters in any case). The text
   * is read as UTF-8 bytes (copied by TextEncoder, much faster than reading it character by
   * character): ASCII characters are single bytes, and every byte of any other character is ≥ 128,
   * which breaks words as the character itself would.
   */
  scan(text: string): number {
    const step = this.step;
    if (bytes.length < text.length * 3) bytes = new Uint8Array(text.length * 3 + 256);
    const buf = bytes;
    const len = UTF8.encodeInto(text, buf).written;
    let state = 0;
    let mask = 0;
    for (let i = 0; i < len; i++) {
      const c = buf[i] as number;
      // A byte of a non-ASCII character breaks every word: back to the start, nothing found.
      if (c >= 128) {
        state = 0;
        continue;
      }
      const v = step[(state << 7) | c] as number;
      state = v & 0xffff;
      mask |= v >>> 16;
    }
    return mask;
  }
}

const UTF8 = new TextEncoder();
/** Reused for every scan (a UTF-16 code unit is at most 3 UTF-8 bytes). */
let bytes = new Uint8Array(4096);

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
