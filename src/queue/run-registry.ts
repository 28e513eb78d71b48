import type { RedisClient } from 'bullmq';
import { REGISTRY_KEY, RunAnnouncementSchema, type RunAnnouncement } from './queue-protocol.js';

/**
 * The runs that workers should serve now: a Redis hash of run id → RunAnnouncement. The coordinator
 * announces a run when it starts or resumes it and withdraws it when the run ends (completed, stopped or
 * failed); workers poll the hash and open or close one BullMQ worker per announced model. A missing
 * entry while the coordinator still runs means Redis lost its data (a restart without persistence).
 */
export async function announceRun(client: RedisClient, run: RunAnnouncement): Promise<void> {
  await client.hset(REGISTRY_KEY, { [run.runId]: JSON.stringify(run) });
}

export async function withdrawRun(client: RedisClient, runId: string): Promise<void> {
  await client.hdel(REGISTRY_KEY, runId);
}

export async function isAnnounced(client: RedisClient, runId: string): Promise<boolean> {
  return (await client.hexists(REGISTRY_KEY, runId)) === 1;
}

export interface AnnouncedRuns {
  runs: RunAnnouncement[];
  /** Entries that do not parse (another version of reliabench?), by run id, with the reason. */
  invalid: { runId: string; reason: string }[];
}

export async function announcedRuns(client: RedisClient): Promise<AnnouncedRuns> {
  const all = await client.hgetall(REGISTRY_KEY);
  const out: AnnouncedRuns = { runs: [], invalid: [] };
  for (const [runId, text] of Object.entries(all)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      out.invalid.push({ runId, reason: 'not JSON' });
      continue;
    }
    const parsed = RunAnnouncementSchema.safeParse(json);
    if (parsed.success) out.runs.push(parsed.data);
    else out.invalid.push({ runId, reason: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  return out;
}
