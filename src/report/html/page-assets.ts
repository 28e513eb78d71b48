/**
 * The page's only style sheet and script, and the Content-Security-Policy that allows exactly
 * these two (by hash) and nothing else: no network, no other script, no plugins, no forms.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; --safe: #1a7f1a; --none: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header.page, main { max-width: 1280px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 16px; }
h1 { font-size: 1.6em; margin: 0.3em 0; overflow-wrap: anywhere; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 2em; }
h3.model { font-size: 1.05em; margin: 1.4em 0 0.4em; overflow-wrap: anywhere; }
/* With 32 models the page holds ~100 charts: let the browser skip laying out those off screen. */
.model-block { content-visibility: auto; contain-intrinsic-size: auto 640px; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
#filters { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
#filters label { margin-right: 16px; }
#filters select { max-width: 360px; }
[hidden] { display: none !important; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 12px 0; font-size: 13px; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.model { min-width: 13em; max-width: 22em; overflow-wrap: anywhere; font-weight: 600; }
td.none, .badge.none { color: var(--none); font-weight: 700; }
td.safe, .badge.safe { color: var(--safe); }
.badge { white-space: nowrap; }
figure.chart { margin: 8px 0 20px; }
figure.chart .svg { overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.files { white-space: nowrap; }
.note { color: var(--muted); }
article.example { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
article.example .meta, article.example .grade { margin: 4px 0; font-size: 13px; overflow-wrap: anywhere; }
.label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; margin-top: 6px; }
pre.untrusted { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa; border-radius: 4px; padding: 6px 8px; margin: 2px 0; max-height: 24em; overflow-y: auto; font-size: 13px; }
code { overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 12px; margin: 40px 0 20px; }
`;

/** Filters the page by model and domain. Everything is visible without it; it only hides. */
export const SCRIPT = `
(function () {
  var bar = document.getElementById('filters');
  var model = document.getElementById('filter-model');
  var domain = document.getElementById('filter-domain');
  if (!bar || !model || !domain) return;
  bar.hidden = false;
  function apply() {
    var nodes = document.querySelectorAll('[data-model],[data-domain]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var m = el.getAttribute('data-model');
      var d = el.getAttribute('data-domain');
      var hide = (model.value !== 'all' && m !== null && m !== model.value) || (domain.value !== 'all' && d !== null && d !== domain.value);
      el.hidden = hide;
    }
  }
  model.addEventListener('change', apply);
  domain.addEventListener('change', apply);
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
