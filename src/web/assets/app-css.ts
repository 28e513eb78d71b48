/** The one stylesheet (served as /assets/app.css; the CSP allows no inline styles). */
export const APP_CSS = `
:root { --fg: #1d232b; --muted: #55606e; --line: #d5dbe3; --bg: #fff; --panel: #f5f7fa; --accent: #1f5fbf;
  --correct: #2e7d32; --avoidant: #7b8794; --incorrect: #c62828; --ungraded: #c9cfd6; --error: #8e5a00; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
header.top nav { display: flex; gap: 1rem; flex-wrap: wrap; }
header.top form { margin-left: auto; }
main { padding: 1rem 1.25rem 3rem; max-width: 84rem; margin: 0 auto; }
main.narrow { max-width: 42rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .25rem; }
p.muted, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.snippet { max-width: 28rem; overflow-wrap: anywhere; white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
.table-wrap { overflow-x: auto; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; font-size: .9rem; max-height: 28rem; overflow-y: auto; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.badge.correct { background: var(--correct); } .badge.avoidant { background: var(--avoidant); } .badge.incorrect { background: var(--incorrect); }
.badge.ungraded { background: var(--ungraded); color: var(--fg); } .badge.error { background: var(--error); }
svg.bar { display: block; width: 100%; min-width: 8rem; height: .8rem; border-radius: 3px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .75rem; background: var(--bg); }
.card[hidden] { display: none; }
.chart svg { width: 100%; height: auto; display: block; }
.chart a:focus rect, .chart a:hover rect { stroke: #000; stroke-width: 1.5; }
.chart.dim-correct .seg-correct, .chart.dim-avoidant .seg-avoidant, .chart.dim-incorrect .seg-incorrect { opacity: .15; }
.legend { display: flex; gap: .5rem; flex-wrap: wrap; margin: .5rem 0; }
.legend button { font: inherit; font-size: .85rem; color: var(--fg); min-height: 0; border: 1px solid var(--line); background: var(--bg); border-radius: 999px; padding: .1rem .6rem; cursor: pointer; }
.legend button[aria-pressed="false"] { opacity: .45; text-decoration: line-through; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .3rem; vertical-align: -.05rem; }
.swatch.correct { background: var(--correct); } .swatch.avoidant { background: var(--avoidant); } .swatch.incorrect { background: var(--incorrect); }
.tooltip { position: fixed; pointer-events: none; background: #111; color: #fff; padding: .25rem .5rem; border-radius: 4px; font-size: .8rem; z-index: 10; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; background: var(--panel); padding: .75rem; border-radius: 8px; border: 1px solid var(--line); }
form.filters label, form.stack label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .15rem; }
form.stack { display: grid; gap: .75rem; max-width: 36rem; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=search], input[type=number], input[type=password], select, textarea { padding: .35rem .5rem; border: 1px solid #9aa5b1; border-radius: 5px; background: #fff; color: var(--fg); min-height: 2.25rem; }
button, .button { display: inline-block; padding: .45rem .9rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; min-height: 2.25rem; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
.pager { display: flex; gap: .75rem; align-items: center; margin: .75rem 0; flex-wrap: wrap; }
.pager .disabled { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { padding: .6rem .8rem; border-radius: 6px; background: #e8f1fd; border: 1px solid #b7d0f5; }
.notice.warn { background: #fff4e5; border-color: #f3c27a; }
.links textarea { width: 100%; min-height: 8rem; font-family: ui-monospace, monospace; font-size: .85rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* Participant pages: one item, large targets, readable on a phone. */
body.participant main { max-width: 40rem; }
.progress { font-size: .9rem; color: var(--muted); }
progress { width: 100%; height: .6rem; }
.question { font-size: 1.05rem; }
fieldset.choices { border: 0; padding: 0; margin: 1rem 0; display: grid; gap: .5rem; }
fieldset.choices legend { font-weight: 600; margin-bottom: .5rem; }
fieldset.choices label { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; border: 2px solid var(--line); border-radius: 8px; cursor: pointer; min-height: 3rem; }
fieldset.choices input { width: 1.25rem; height: 1.25rem; margin: 0; }
fieldset.choices label:has(input:checked) { border-color: var(--accent); background: #eef4fd; }
fieldset.choices label:has(input:focus-visible) { outline: 3px solid #ffb300; outline-offset: 2px; }
.kbd-hint { font-size: .85rem; color: var(--muted); }
@media (max-width: 40rem) { main { padding: .75rem; } h1 { font-size: 1.3rem; } header.top { padding: .5rem .75rem; } }
`;
