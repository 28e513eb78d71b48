/**
 * Which rare characters a response has. Most responses are plain ASCII prose
 * without tags, tabs or colons; several preparation steps start with a regex test that can only
 * succeed when one of these characters is there (normalising, think tags, a new chat turn), so the
 * flags let them skip that test. Later texts are the response with parts removed or replaced by
 * line breaks, so a character absent here is absent from them too.
 */
export const NON_ASCII = 1;
export const TAB = 2;
export const CR = 4;
export const BACKSLASH = 8;
export const LT = 16;
export const COLON = 32;
export const BRACKET = 64;
/** A space or tab before a line break or at the very end. */
export const TRAILING_SPACE = 128;

/** Every character normalise-text.ts may change is non-ASCII or one of these. */
export const NORMALISE_CHARS = NON_ASCII | TAB | CR | BACKSLASH | LT;
/** A new chat turn ("\nUser:", "[INST]", "<|user|>") needs one of these. */
export const TURN_CHARS = COLON | BRACKET | LT;

const NON_ASCII_CHAR = /[^\x00-\x7f]/;

/** A few substring searches (fast, vectorised) rather than a loop over every character. */
export function charFlags(text: string): number {
  let flags = 0;
  if (NON_ASCII_CHAR.test(text)) flags |= NON_ASCII;
  if (text.includes('\t')) flags |= TAB;
  if (text.includes('\r')) flags |= CR;
  if (text.includes('\\')) flags |= BACKSLASH;
  if (text.includes('<')) flags |= LT;
  if (text.includes(':')) flags |= COLON;
  if (text.includes('[')) flags |= BRACKET;
  if (text.includes(' \n') || text.includes('\t\n') || text.endsWith(' ') || text.endsWith('\t')) flags |= TRAILING_SPACE;
  return flags;
}
