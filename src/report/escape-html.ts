/**
 * The one escaping function for untrusted text (model outputs, prompts, model keys, template ids)
 * in HTML text and in double- or single-quoted attribute values. Every string that reaches the
 * page goes through it; markup the report writes itself is built from constants.
 */
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}
