import { additionDomain } from '../../domains/addition/index.js';
import { createAdapter } from '../../models/create-adapter.js';
import type { Db } from '../../store/sqlite/open-workspace.js';
import { loadItems } from '../../store/sqlite/items-repo.js';
import { buildPlan, type Plan } from '../plan.js';
import type { ModelEntry } from '../run-types.js';
import { defaultSettings } from '../stop-rule.js';

export interface CrashRunnerArgs {
  dbPath: string;
  serverUrl: string;
  runId: string;
  concurrency: number;
}

export const CRASH_TEMPLATES = Array.from({ length: 10 }, (_, i) => `addition-${String(i + 1).padStart(2, '0')}`);

/**
 * The addition items stored in the workspace × 10 templates × one Ollama model: the same plan in the
 * test and in every runner process (the runner reads the items from the store, as `reliabench run` does,
 * and imports only the addition domain, so a restart is quick).
 */
export async function crashPlan(db: Db, args: Pick<CrashRunnerArgs, 'serverUrl' | 'concurrency'>): Promise<{ plan: Plan; model: ModelEntry }> {
  const c = args.concurrency;
  const adapter = await createAdapter('ollama:llama3.2', { OLLAMA_HOST: args.serverUrl });
  const model: ModelEntry = {
    key: 'llama',
    spec: 'ollama:llama3.2',
    adapter,
    settings: defaultSettings(),
    samples: 1,
    concurrency: { start: c, floor: c, ceiling: c },
    timeoutMs: 10_000,
    maxRetries: 3,
  };
  const plan = buildPlan({ items: loadItems(db, { domain: 'addition' }), templates: { addition: additionDomain.templates }, models: [model], filter: { templateIds: CRASH_TEMPLATES } });
  return { plan, model };
}
