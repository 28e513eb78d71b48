import type { Migration } from './migrations.js';

/**
 * Migration 5: the viewer's facets of new trials and new rule grades are written in bulk by the
 * writers (facet-sync.ts), not by a trigger per row. Dropped: the trigger that added a facet per new
 * trial, the one that counted each new facet, and the one that applied each new rule grade. The
 * others stay, for the rare changes: a trial's status, a grade changed in place, a deleted grade or
 * trial, an override.
 */
export const MIGRATION_5: Migration = {
  version: 5,
  name: 'facets of new trials and grades written in bulk',
  sql: `
    DROP TRIGGER trials_facet_i;
    DROP TRIGGER trial_facets_count_i;
    DROP TRIGGER grades_facet_i;
  `,
};
