/**
 * Which rare characters a response has. Most responses are plain prose without tags, colons or
 * trailing spaces; several preparation steps start with a regex test that can only succeed when one
 * of these characters is there (trailing spaces, think tags, a new chat turn), so the flags let them
 * skip that test. Later texts are the response with parts removed or replaced by line breaks, so a
 * character absent here is absent from them too.
 */
export const LT = 1;
export const COLON = 2;
export const BRACKET = 4;
/** A space or tab before a line break or at the very end. */
export const TRAILING_SPACE = 8;

/** A new chat turn ("\nUser:", "[INST]", "<|user|>") needs one of these. */
export const TURN_CHARS = COLON | BRACKET | LT;

/** A few substring searches (fast, vectorised) rather than a regex or a loop over every character. */
export function charFlags(text: string): number {
  let flags = 0;
  if (text.includes('<')) flags |= LT;
  if (text.includes(':')) flags |= COLON;
  if (text.includes('[')) flags |= BRACKET;
  if (text.includes(' \n') || text.includes('\t\n') || text.endsWith(' ') || text.endsWith('\t')) flags |= TRAILING_SPACE;
  return flags;
}
