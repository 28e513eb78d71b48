/**
 * Rule-grader throughput: responses graded per second on one core (target ≥ 50,000/s), over a
 * realistic mix across the five domains (raw, chat and reasoning styles; correct, wrong, hedged,
 * refusing, echoing, run-on). Rewrites its section of BENCHMARKS.md.
 *
 * Two shapes, every response graded once:
 *  - a study run: each item asked with all 15 templates (chat and completion) and answered in all
 *    20 styles, so each prompt gets about ten responses, as when several models answer it;
 *  - the worst case: every response to a prompt of its own (per-prompt work is never shared).
 *
 *   npx tsx bench/grader.bench.ts [--items 140]
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMAIN_NAMES } from '../src/core/item.js';
import type { GradeInput } from '../src/grading/grade-types.js';
import { grade } from '../src/grading/index.js';
import { itemsOf } from '../src/grading/test-support/items.js';
import { syntheticResponses } from '../src/grading/test-support/synthetic-responses.js';
import { GRADER_VERSION } from '../src/grading/version.js';
import { machineLine, writeSection } from './benchmarks-file.js';

const ROOT = resolve(import.meta.dirname, '..');
const arg = process.argv.indexOf('--items');
const ITEMS_PER_DOMAIN = Number(arg >= 0 ? process.argv[arg + 1] : 0) || 140;
const WINDOW = 2_000;

function toInput(item: GradeInput['item']) {
  return (s: ReturnType<typeof syntheticResponses>[number]): GradeInput => ({ item, response: s.response, prompt: s.prompt, mode: s.mode });
}

/** Study run: every item × 15 template offsets × 20 styles, interleaved by item. */
const study: GradeInput[] = [];
/** Worst case: fresh items, 20 styles each, every response with its own prompt text. */
const single: GradeInput[] = [];
const perDomain: Record<string, number> = {};
for (const domain of DOMAIN_NAMES) {
  const items = await itemsOf(domain, ITEMS_PER_DOMAIN, 'bench-study');
  for (const item of items) for (let seed = 0; seed < 15; seed++) study.push(...syntheticResponses(item, seed).map(toInput(item)));
  perDomain[domain] = items.length * 300;
  const fresh = await itemsOf(domain, 2 * ITEMS_PER_DOMAIN, 'bench-single');
  fresh.forEach((item, i) => single.push(...syntheticResponses(item, i).map((s) => ({ ...toInput(item)(s), prompt: `${s.prompt}\n` }))));
}
const byItem = (a: GradeInput, b: GradeInput): number => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
single.sort(byItem);

// Warm up the JIT and lazily loaded data (gazetteer, locality name index) on other items.
for (const item of await itemsOf('locality', 20, 'bench-warm')) for (const s of syntheticResponses(item, 0)) grade(toInput(item)(s));
for (const domain of DOMAIN_NAMES) for (const item of await itemsOf(domain, 20, 'bench-warm')) for (const s of syntheticResponses(item, 1)) grade(toInput(item)(s));

interface Pass {
  n: number;
  wallS: number;
  cpuS: number;
  bestWindow: number;
  outcomes: Record<string, number>;
}

function run(inputs: readonly GradeInput[]): Pass {
  const outcomes: Record<string, number> = { correct: 0, incorrect: 0, avoidant: 0 };
  let best = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let w0 = t0;
  for (let n = 0; n < inputs.length; n++) {
    const g = grade(inputs[n] as GradeInput);
    outcomes[g.outcome] = (outcomes[g.outcome] ?? 0) + 1;
    if ((n + 1) % WINDOW === 0) {
      const now = process.hrtime.bigint();
      best = Math.max(best, WINDOW / (Number(now - w0) / 1e9));
      w0 = now;
    }
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { n: inputs.length, wallS, cpuS: (cpu.user + cpu.system) / 1e6, bestWindow: best, outcomes };
}

const load0 = loadavg()[0] as number;
const s = run(study);
const w = run(single);
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const row = (name: string, p: Pass): string =>
  `| ${name} | ${fmt(p.n)} | **${fmt(p.n / p.wallS)}** | ${fmt(p.n / p.cpuS)} | ${fmt(p.bestWindow)} | ${p.wallS.toFixed(1)} s |`;

const body = `## grade: rule-grader throughput (one core)

Command:

\`\`\`
npx tsx bench/grader.bench.ts --items ${ITEMS_PER_DOMAIN}
\`\`\`

Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Grader ${GRADER_VERSION}.

Responses are realistic synthetic outputs for real items of all five domains in 20 styles (bare,
sentence, markdown, wrong, think block, chain of thought with a final answer, hedge, several
candidates, refusal, "I don't know", clarification, meta, raw run-on into a new question, prompt
echo, new question only, story, \\boxed{}, empty), graded one after another on one thread, each
response once, after a warm-up on other items.

- **Study run**: ${ITEMS_PER_DOMAIN} items per domain (${DOMAIN_NAMES.map((d) => `${d} ${fmt(perDomain[d] as number)}`).join(', ')}
  responses), each asked with all 15 templates in chat and completion mode and answered in all 20
  styles, so every prompt gets about ten responses — the shape of a study where several models answer
  every prompt. Outcomes: ${s.outcomes['correct']} correct, ${s.outcomes['incorrect']} incorrect, ${s.outcomes['avoidant']} avoidant.
- **Worst case**: fresh items, one response per prompt text, so nothing prepared per prompt is reused.

| shape | responses | per second (wall clock, one thread) | per CPU-second | fastest ${fmt(WINDOW)}-grade window | wall time |
|---|---|---|---|---|---|
${row('study run', s)}
${row('worst case', w)}

Grading runs on one thread; the CPU-second figure also counts V8's garbage-collector helper threads,
so it is lower than the wall-clock one. The fastest window (addition, anagram and science items are
cheaper than locality and transforms ones, and other jobs share the machine) shows the spread. Target:
≥ 50,000 responses per second on one core${s.n / s.wallS >= 50_000 ? ' — met' : ' — not met yet'}. Load average before / after: ${load0.toFixed(1)} / ${(loadavg()[0] as number).toFixed(1)} on ${cpus().length} cores.
`;
writeSection(join(ROOT, 'BENCHMARKS.md'), 'grader', body);
console.log(`study run: ${fmt(s.n / s.wallS)}/s wall (${fmt(s.n / s.cpuS)}/CPU-s, best window ${fmt(s.bestWindow)}); worst case: ${fmt(w.n / w.wallS)}/s; ${fmt(s.n)} + ${fmt(w.n)} responses`);
