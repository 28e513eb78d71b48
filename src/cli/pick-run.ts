import { ReliabenchError } from '../core/errors.js';
import type { Db } from '../store/sqlite/open-workspace.js';
import { getRun, listRuns } from '../store/sqlite/runs-repo.js';

/** The run a command works on: the one asked for (which must exist), else the newest. */
export function pickRun(db: Db, requested: string | undefined): string {
  if (requested) {
    if (!getRun(db, requested)) {
      const newest = listRuns(db).slice(0, 5).map((r) => r.id).join(', ') || 'none';
      throw new ReliabenchError('BAD_ARGUMENT', `no run "${requested}" in ${db.name}; the newest runs are: ${newest}`, { input: requested });
    }
    return requested;
  }
  const newest = listRuns(db)[0];
  if (!newest) throw new ReliabenchError('BAD_ARGUMENT', `no runs in ${db.name} yet: start one with reliabench run --model SPEC`);
  return newest.id;
}
