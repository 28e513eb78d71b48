import type { ModelAdapter, ModelMode, ModelRequest, ModelResponse } from '../model-adapter.js';
import { abortedError, modelError, type CallContext } from '../error-mapping.js';
import { keyOf, loadReplayFile, promptKeyOf, type ReplayEntry, type ReplayIndex } from './replay-file.js';

/** Answers from recorded responses (see replay-file.ts) — grading outputs produced elsewhere. No network. */
export class ReplayAdapter implements ModelAdapter {
  readonly provider = 'replay';
  readonly modelId: string;
  readonly mode: ModelMode;
  private readonly index: ReplayIndex;
  private readonly ctx: CallContext;

  constructor(path: string, index: ReplayIndex, mode: ModelMode = 'chat') {
    this.modelId = path;
    this.mode = mode;
    this.index = index;
    this.ctx = { label: `replay:${path}`, secrets: [], endpoint: path };
  }

  /** Reads and checks the whole file first, so a bad line fails before a run starts. */
  static async load(path: string, mode?: ModelMode): Promise<ReplayAdapter> {
    return new ReplayAdapter(path, await loadReplayFile(path), mode);
  }

  async generate(request: ModelRequest, signal: AbortSignal): Promise<ModelResponse> {
    if (signal.aborted) throw abortedError(signal, this.ctx);
    const entry = this.find(request);
    const { record } = entry;
    const warnings = [...record.warnings];
    if (record.prompt !== undefined && record.prompt !== request.prompt) {
      warnings.push(`replay: the prompt recorded on line ${entry.line} differs from the prompt rendered now`);
    }
    return {
      text: record.text,
      finishReason: record.finishReason,
      usage: { ...record.usage },
      raw: entry.raw,
      warnings,
      latencyMs: record.latencyMs ?? 0,
    };
  }

  private find(request: ModelRequest): ReplayEntry {
    const { key, sampleIndex } = request;
    const byKey = key === undefined ? undefined : this.index.byKey.get(keyOf(key.itemId, key.templateId, sampleIndex));
    const entry = byKey ?? this.index.byPrompt.get(promptKeyOf(request.prompt, sampleIndex));
    if (entry) return entry;
    const what = key === undefined ? `this prompt (sample ${sampleIndex})` : `item ${key.itemId}, template ${key.templateId}, sample ${sampleIndex}`;
    throw modelError(this.ctx, 'BAD_REQUEST', `no recorded response for ${what}: add a line for it or run only the recorded items`);
  }
}
