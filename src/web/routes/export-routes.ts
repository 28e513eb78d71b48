import { Hono, type Context } from 'hono';
import type { DifficultyRating, SupervisionJudgement } from '../../analysis/analysis-types.js';
import { getStudy } from '../../store/sqlite/studies-repo.js';
import { toCsv, toJsonl } from '../../store/sqlite/study-export.js';
import { loadDifficultyRatings, loadSupervisionJudgements, RESPONSE_COLUMNS, studyResponseRows } from '../../store/sqlite/study-results.js';
import type { AdminEnv } from '../security/admin-auth.js';
import type { WebContext } from '../web-context.js';

const JUDGEMENT_COLUMNS: readonly (keyof SupervisionJudgement)[] = ['modelKey', 'domain', 'itemId', 'templateId', 'sample', 'difficulty', 'bin', 'outcome', 'verdict'];
const RATING_COLUMNS: readonly (keyof DifficultyRating)[] = ['domain', 'itemId', 'chosenValue', 'rating'];

/**
 * Downloads (admin only): one study's responses (attention checks and flags included), and the
 * analysis-ready S2 judgements and S1 ratings of all studies (attention failures left out).
 */
export function exportRoutes(ctx: WebContext): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const send = <T extends object>(c: Context, name: string, format: 'csv' | 'jsonl', columns: readonly (keyof T & string)[], rows: readonly T[]) => {
    const body = format === 'csv' ? toCsv(columns, rows) : toJsonl(columns, rows);
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.${format}"`,
    });
  };
  for (const format of ['csv', 'jsonl'] as const) {
    app.get(`/studies/:id/responses.${format}`, (c) => {
      const study = getStudy(ctx.db, c.req.param('id'));
      if (!study) return c.text('no such study', 404);
      return send(c, `${study.id}-responses`, format, RESPONSE_COLUMNS, studyResponseRows(ctx.db, study.id));
    });
    app.get(`/exports/s2-judgements.${format}`, (c) => {
      const run = c.req.query('run');
      return send(c, 's2-judgements', format, JUDGEMENT_COLUMNS, loadSupervisionJudgements(ctx.db, run === '' ? undefined : run));
    });
    app.get(`/exports/s1-ratings.${format}`, (c) => send(c, 's1-ratings', format, RATING_COLUMNS, loadDifficultyRatings(ctx.db)));
  }
  return app;
}
