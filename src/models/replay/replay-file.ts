import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ReliabenchError } from '../../core/errors.js';

/**
 * A replay file is JSONL, one recorded response per line, so outputs produced elsewhere can be graded:
 *
 *   {"itemId":"addition-…","templateId":"addition-07","sampleIndex":0,"text":"4721","finishReason":"stop"}
 *
 * `text` is required. A line is found by (itemId, templateId, sampleIndex) — the request's `key` and
 * `sampleIndex` — or, for files without ids, by (prompt, sampleIndex). `sampleIndex` defaults to 0,
 * `finishReason` to "stop"; `usage` ({inputTokens, outputTokens}), `latencyMs`, `warnings` and `prompt`
 * are optional; other fields are kept in `raw` and otherwise ignored. Blank lines are skipped.
 */
export const REPLAY_LINE_EXAMPLE = '{"itemId":"…","templateId":"…","sampleIndex":0,"text":"…"}';

const ReplayRecord = z
  .object({
    itemId: z.string().min(1).optional(),
    templateId: z.string().min(1).optional(),
    prompt: z.string().optional(),
    sampleIndex: z.number().int().min(0).default(0),
    text: z.string(),
    finishReason: z.enum(['stop', 'length', 'content-filter', 'other']).default('stop'),
    usage: z.object({ inputTokens: z.number().int().min(0).optional(), outputTokens: z.number().int().min(0).optional() }).default({}),
    latencyMs: z.number().min(0).optional(),
    warnings: z.array(z.string()).default([]),
  })
  .loose();
export type ReplayRecord = z.infer<typeof ReplayRecord>;

export interface ReplayEntry {
  record: ReplayRecord;
  /** The line as parsed, for `raw`. */
  raw: unknown;
  line: number;
}

export interface ReplayIndex {
  byKey: Map<string, ReplayEntry>;
  byPrompt: Map<string, ReplayEntry>;
  size: number;
}

export function keyOf(itemId: string, templateId: string, sampleIndex: number): string {
  return `${itemId}\u0000${templateId}\u0000${sampleIndex}`;
}

export function promptKeyOf(prompt: string, sampleIndex: number): string {
  return `${prompt}\u0000${sampleIndex}`;
}

function invalid(path: string, message: string, cause?: unknown): ReliabenchError {
  return new ReliabenchError('REPLAY_FILE_INVALID', message, { input: path, cause });
}

export async function loadReplayFile(path: string): Promise<ReplayIndex> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? error);
    throw invalid(path, `Cannot read replay file ${path} (${why}): give the path of a JSONL file, one ${REPLAY_LINE_EXAMPLE} per line`, error);
  }
  return parseReplayText(text, path);
}

export function parseReplayText(text: string, path: string): ReplayIndex {
  const index: ReplayIndex = { byKey: new Map(), byPrompt: new Map(), size: 0 };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineText = (lines[i] as string).trim();
    if (lineText === '') continue;
    const line = i + 1;
    let raw: unknown;
    try {
      raw = JSON.parse(lineText);
    } catch (error) {
      throw invalid(path, `${path} line ${line}: not valid JSON (${(error as Error).message}); each line is one object like ${REPLAY_LINE_EXAMPLE}`, error);
    }
    const parsed = ReplayRecord.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(line)';
      throw invalid(path, `${path} line ${line}: field "${field}" ${issue?.message ?? 'is invalid'}; each line is like ${REPLAY_LINE_EXAMPLE}`);
    }
    addEntry(index, { record: parsed.data, raw, line }, path);
  }
  if (index.size === 0) throw invalid(path, `${path} has no records: write one ${REPLAY_LINE_EXAMPLE} per line`);
  return index;
}

function addEntry(index: ReplayIndex, entry: ReplayEntry, path: string): void {
  const { itemId, templateId, prompt, sampleIndex } = entry.record;
  if ((itemId === undefined) !== (templateId === undefined)) {
    throw invalid(path, `${path} line ${entry.line}: field "${itemId === undefined ? 'itemId' : 'templateId'}" is missing; give both itemId and templateId, or neither and a prompt`);
  }
  if (itemId === undefined && prompt === undefined) {
    throw invalid(path, `${path} line ${entry.line}: field "itemId" is missing; each line needs itemId and templateId (or a prompt) to be found`);
  }
  if (itemId !== undefined && templateId !== undefined) {
    const key = keyOf(itemId, templateId, sampleIndex);
    const previous = index.byKey.get(key);
    if (previous) throw invalid(path, `${path} line ${entry.line}: item ${itemId}, template ${templateId}, sample ${sampleIndex} is already on line ${previous.line}; give each sample its own sampleIndex`);
    index.byKey.set(key, entry);
  }
  if (prompt !== undefined) {
    const key = promptKeyOf(prompt, sampleIndex);
    const previous = index.byPrompt.get(key);
    if (previous && itemId === undefined) {
      throw invalid(path, `${path} line ${entry.line}: the same prompt and sample ${sampleIndex} is already on line ${previous.line}; give each sample its own sampleIndex`);
    }
    if (!previous) index.byPrompt.set(key, entry);
  }
  index.size++;
}
