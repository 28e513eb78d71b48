import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '../../core/item.js';
import { renderPrompt } from '../../core/template.js';
import { getDomain } from '../../domains/registry.js';
import { generateItems } from '../../generate/generate-items.js';
import { gradeRun } from '../../grading/grade-run.js';
import { saveItems, saveTemplates } from '../../store/sqlite/items-repo.js';
import { openWorkspace, type Db } from '../../store/sqlite/open-workspace.js';
import { createRun, saveRunModel, setRunStatus } from '../../store/sqlite/runs-repo.js';
import { TrialsRepo } from '../../store/sqlite/trials-repo.js';

/**
 * Test support: a real workspace file with real addition and anagram items, one run of two models
 * over three templates, answers that are right, wrong (more often on harder items), avoidant,
 * transport errors, and a few carrying script and HTML payloads; graded by the real rule grader.
 */
export const DEMO_RUN = 'run-20261128-101500-demo';
export const DEMO_MODELS = ['tiny-chat', 'tiny-base'] as const;
export const XSS_PAYLOAD = `<script>alert("xss")</script><img src=x onerror="alert('img')"><b id="injected">bold</b><svg onload="alert('svg')"></svg>`;

export interface DemoWorkspace {
  db: Db;
  path: string;
  runId: string;
  items: Item[];
  /** The trial whose answer carries XSS_PAYLOAD. */
  xssTrial: { modelKey: string; itemId: string; templateId: string; sample: number };
}

export async function demoWorkspace(options: { perDomain?: number; dir?: string } = {}): Promise<DemoWorkspace> {
  const path = join(options.dir ?? mkdtempSync(join(tmpdir(), 'rb-web-')), 'workspace.sqlite');
  const db = openWorkspace(path);
  const { items } = await generateItems({ domains: ['addition', 'anagram'], perDomain: options.perDomain ?? 24, seed: 11 });
  saveItems(db, items);
  saveTemplates(db, [...getDomain('addition').templates, ...getDomain('anagram').templates]);
  createRun(db, { id: DEMO_RUN }, new Date('2026-11-28T10:15:00Z'));
  for (const modelKey of DEMO_MODELS) {
    saveRunModel(db, DEMO_RUN, {
      modelKey, spec: `openai-compatible:http://127.0.0.1:8000/v1#${modelKey}`, provider: 'openai-compatible', modelId: modelKey,
      mode: modelKey === 'tiny-base' ? 'completion' : 'chat', settings: {}, samples: 1, metadata: {}, pricing: null, execution: {},
    });
  }
  const repo = new TrialsRepo(db);
  let xssTrial: DemoWorkspace['xssTrial'] | undefined;
  items.forEach((item, i) => {
    for (const [m, modelKey] of DEMO_MODELS.entries()) {
      for (let t = 0; t < 3; t++) {
        const template = getDomain(item.domain).templates[t];
        if (template === undefined) continue;
        const mode = modelKey === 'tiny-base' ? 'completion' : 'chat';
        const xss = i === 1 && m === 0 && t === 0;
        const text = xss ? `${XSS_PAYLOAD} The answer is ${goldText(item)}.` : answer(item, i + t + m);
        if (xss) xssTrial = { modelKey, itemId: item.id, templateId: template.id, sample: 0 };
        repo.save({
          runId: DEMO_RUN, modelKey, itemId: item.id, templateId: template.id, sample: 0, mode, prompt: renderPrompt(template, item.input, mode),
          status: text === null ? 'error' : 'answered', text, finishReason: text === null ? null : 'stop', inputTokens: 40, outputTokens: 12,
          costUsd: 0, latencyMs: 250 + i, attempts: 1, cached: false, responseKey: null, errorCode: text === null ? 'SERVER_ERROR' : null,
          errorMessage: text === null ? 'HTTP 500 <b>upstream</b>' : null, warnings: [], createdAt: '2026-11-28T10:16:00.000Z',
        });
      }
    }
  });
  gradeRun(db, DEMO_RUN, { now: () => new Date('2026-11-28T10:30:00Z') });
  setRunStatus(db, DEMO_RUN, 'completed', null, new Date('2026-11-28T10:30:00Z'));
  return { db, path, runId: DEMO_RUN, items, xssTrial: xssTrial as DemoWorkspace['xssTrial'] };
}

export function goldText(item: Item): string {
  const gold = item.gold as { sum?: string; word?: string };
  return gold.sum ?? gold.word ?? '';
}

/** A deterministic answer: wrong more often on harder items; some avoidant; a few errors. */
function answer(item: Item, k: number): string | null {
  const gold = goldText(item);
  const hard = item.difficulty.bin >= 12;
  if (k % 17 === 16) return null;
  if (k % 7 === 3) return "I'm sorry, I don't know the answer to that.";
  const wrong = hard ? k % 3 !== 0 : k % 5 === 1;
  if (!wrong) return `The answer is ${gold}.`;
  return item.domain === 'addition' ? `The answer is ${(BigInt(gold) + 10n).toString()}.` : `The answer is ${[...gold].reverse().join('')}x.`;
}
