/**
 * Program code is never an answer: a chat model that writes a Python script is talking about how to
 * do the task (meta), a raw model that runs on into code is off-topic. Removed before extraction:
 * fenced blocks labelled with a programming language, and the whole text when most of its lines
 * are code (`def f(`, `import x`, `return …;`, lines ending in `{`, `}` or `;`).
 */

const PROGRAM_FENCE =
  /^[ \t]*(```|~~~)[ \t]*(?:python|py|javascript|js|typescript|ts|bash|sh|shell|zsh|sql|java|c|cpp|c\+\+|csharp|cs|ruby|rb|r|perl|php|go|rust|vba|vb|excel|powershell|ps1|awk|sed|kotlin|swift|scala)\b[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gim;
const CODE_LINE =
  /^\s*(?:(?:def|class|function|fn|func) \w+|import \w+|from [\w.]+ import|return\b|module\.exports|(?:const|let|var) \w+ ?=|#include\b|public |print\(|console\.log|for \w+ in |for ?\(|if ?\(|while ?\(|\w+ ?= ?[\w.]+\()|[{};]\s*$/;

export interface CodeResult {
  text: string;
  /** Some program code was removed. */
  code: boolean;
}

/** What any program code has: a bracket or semicolon, a fence, `#include` or a keyword. */
const MAY_BE_CODE = /[(;{}]|```|~~~|#include|\b(?:import|return|def|class|function|var|let|const)\b/;

/** Whether the text may hold program code (one regex pass: cheaper than seven substring searches and a regex). */
export function mayBeCode(text: string): boolean {
  return MAY_BE_CODE.test(text);
}

export function stripProgramCode(text: string): CodeResult {
  if (!mayBeCode(text)) return { text, code: false };
  let code = false;
  let t = text;
  if (t.includes('```') || t.includes('~~~')) {
    t = t.replace(PROGRAM_FENCE, () => {
      code = true;
      return '\n';
    });
  }
  // One line is never "mostly code lines" (that needs two).
  if (!t.includes('\n')) return { text: t, code };
  const lines = t.split('\n').filter((l) => l.trim() !== '');
  if (lines.length >= 2 && lines.filter((l) => CODE_LINE.test(l)).length * 2 >= lines.length) return { text: '', code: true };
  return { text: t, code };
}
