/**
 * Every match of a global regex, found with a plain `exec` loop. `String.prototype.matchAll` clones
 * its regex on every call (about 0.3–1 µs, more for `u` regexes), which dominated short responses;
 * the grader calls it several times per response. The matches are collected before the caller sees
 * them, so a caller may reuse the same regex while iterating.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // A zero-length match would be found again at the same place: step over it, as matchAll does.
    if (m[0].length === 0) re.lastIndex += re.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}
