/**
 * Rule-grader throughput: responses graded per second on one core (target ≥ 50,000/s), over a
 * realistic mix across the five domains (raw, chat and reasoning styles; correct, wrong, hedged,
 * refusing, echoing, run-on). Rewrites its section of BENCHMARKS.md.
 *
 *   npx tsx bench/grader.bench.ts [--total 200000]
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DOMAIN_NAMES } from '../src/core/item.js';
import { grade } from '../src/grading/index.js';
import type { GradeInput } from '../src/grading/grade-types.js';
import { itemsOf } from '../src/grading/test-support/items.js';
import { syntheticResponses } from '../src/grading/test-support/synthetic-responses.js';
import { GRADER_VERSION } from '../src/grading/version.js';
import { machineLine, writeSection } from './benchmarks-file.js';

const ROOT = resolve(import.meta.dirname, '..');
const arg = process.argv.indexOf('--total');
const total = Math.max(200_000, Number(arg >= 0 ? process.argv[arg + 1] : 0) || 0);
const ITEMS_PER_DOMAIN = 60;

const inputs: GradeInput[] = [];
const perDomain: Record<string, number> = {};
for (const domain of DOMAIN_NAMES) {
  const items = await itemsOf(domain, ITEMS_PER_DOMAIN, 'bench');
  items.forEach((item, i) => {
    for (const s of syntheticResponses(item, i)) inputs.push({ item, response: s.response, prompt: s.prompt, mode: s.mode });
  });
}

// Warm up: JIT, lazily loaded data (the gazetteer for locality answers that need alternate names).
for (const input of inputs) grade(input);

const outcomes = { correct: 0, incorrect: 0, avoidant: 0 };
const started = process.hrtime.bigint();
for (let n = 0; n < total; n++) {
  const input = inputs[n % inputs.length] as GradeInput;
  const g = grade(input);
  outcomes[g.outcome]++;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const rate = total / seconds;

for (const domain of DOMAIN_NAMES) {
  const subset = inputs.filter((i) => i.item.domain === domain);
  const reps = Math.ceil(20_000 / subset.length);
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < reps; r++) for (const input of subset) grade(input);
  perDomain[domain] = (reps * subset.length) / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const body = `## grade: rule-grader throughput (one core)

Command:

\`\`\`
npx tsx bench/grader.bench.ts --total ${total}
\`\`\`

Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Grader ${GRADER_VERSION}.

${inputs.length} distinct responses (${ITEMS_PER_DOMAIN} items per domain × 20 styles: bare, sentence, markdown, wrong,
think block, chain of thought with a final answer, hedge, several candidates, refusal, "I don't know",
clarification, meta, raw run-on into a new question, prompt echo, new question only, story, \\boxed{},
empty), graded in a loop on one thread, ${fmt(total)} grades after a warm-up pass.

| measure | value |
|---|---|
| responses graded | ${fmt(total)} (${outcomes.correct} correct, ${outcomes.incorrect} incorrect, ${outcomes.avoidant} avoidant) |
| wall time | ${seconds.toFixed(2)} s |
| **throughput** | **${fmt(rate)} responses/s** (target ≥ 50,000/s) |

Per domain (20,000+ grades each):

| domain | responses/s |
|---|---|
${DOMAIN_NAMES.map((d) => `| ${d} | ${fmt(perDomain[d] as number)} |`).join('\n')}

Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores.
`;
writeSection(join(ROOT, 'BENCHMARKS.md'), 'grader', body);
console.log(`${fmt(rate)} responses/s over ${fmt(total)} grades; per domain: ${DOMAIN_NAMES.map((d) => `${d} ${fmt(perDomain[d] as number)}`).join(', ')}`);
