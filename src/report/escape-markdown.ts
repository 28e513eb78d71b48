/**
 * Escapes untrusted text for one line of GitHub-flavoured Markdown (a table cell or a list item in
 * summary.md): pipes cannot split cells, backticks cannot open code, brackets cannot form links or
 * images, `@` and `#` cannot mention people or issues, emphasis markers stay literal, and HTML shows
 * as text. Line breaks become spaces, since a newline would end the table row. Characters that only
 * matter at the start of a line (`-`, `+`, `1.`) are left alone: escaped text never starts a line.
 */
const MARKDOWN_REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[&<>]|[\\`*_[\]|~#@]/g, (ch) => MARKDOWN_REPLACEMENTS[ch] ?? `\\${ch}`);
}

