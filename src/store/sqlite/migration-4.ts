import type { Migration } from './migrations.js';

/**
 * Migration 4: what `reliabench serve` needs (docs/serve.md).
 *
 * - `trial_facets`: one narrow row per trial with the columns the viewer filters on (domain, bin,
 *   template, effective outcome and sub-type), kept in step with trials, grades and overrides by
 *   triggers. `outcome` is the effective grade (newest override, else the rule grade), 'ungraded'
 *   before grading, 'error' for an error trial; `avoidance` is '' unless avoidant. `id` is the
 *   viewer's stable cursor.
 * - `trial_counts`: trials per cell (run, model, domain, bin, outcome, avoidance), kept by triggers
 *   on trial_facets: a few thousand rows per run. The run pages' charts and summaries read it, and a
 *   filter is a set of cells: its total is the sum of their counts, and a page walks the cells in key
 *   order reading each cell's trials from the `trial_facets_cell` index (ordered by template, then
 *   id), so a page costs a few index seeks whatever the filter (trial-queries.ts).
 * - Human studies S1 and S2 (METHOD.md §6): studies, their sampled items, participants (token hashes
 *   only), each participant's assignment in order, and responses (one per assignment, never updated).
 */
const FACET_KEY = 'run_id = NEW.run_id AND model_key = NEW.model_key AND item_id = NEW.item_id AND template_id = NEW.template_id AND sample = NEW.sample';
const OLD_KEY = FACET_KEY.replaceAll('NEW.', 'OLD.');
const OLD_CELL = ['run_id', 'model_key', 'domain', 'bin', 'outcome', 'avoidance'].map((c) => `${c} = OLD.${c}`).join(' AND ');

const facetsAndCounts = `
  CREATE TABLE trial_facets (
    id          INTEGER PRIMARY KEY,
    run_id      TEXT NOT NULL,
    model_key   TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    template_id TEXT NOT NULL,
    sample      INTEGER NOT NULL,
    domain      TEXT NOT NULL,
    bin         INTEGER NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('correct', 'avoidant', 'incorrect', 'ungraded', 'error')),
    avoidance   TEXT NOT NULL,
    UNIQUE (run_id, model_key, item_id, template_id, sample)
  ) STRICT;
  CREATE INDEX trial_facets_cell ON trial_facets(run_id, model_key, domain, bin, outcome, avoidance, template_id, id);

  CREATE TABLE trial_counts (
    run_id      TEXT NOT NULL,
    model_key   TEXT NOT NULL,
    domain      TEXT NOT NULL,
    bin         INTEGER NOT NULL,
    outcome     TEXT NOT NULL,
    avoidance   TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (run_id, model_key, domain, bin, outcome, avoidance)
  ) STRICT, WITHOUT ROWID;

  CREATE TRIGGER trial_facets_count_i AFTER INSERT ON trial_facets BEGIN
    INSERT INTO trial_counts VALUES (NEW.run_id, NEW.model_key, NEW.domain, NEW.bin, NEW.outcome, NEW.avoidance, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER trial_facets_count_u AFTER UPDATE OF outcome, avoidance ON trial_facets
    WHEN OLD.outcome <> NEW.outcome OR OLD.avoidance <> NEW.avoidance BEGIN
    UPDATE trial_counts SET n = n - 1 WHERE ${OLD_CELL};
    INSERT INTO trial_counts VALUES (NEW.run_id, NEW.model_key, NEW.domain, NEW.bin, NEW.outcome, NEW.avoidance, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER trial_facets_count_d AFTER DELETE ON trial_facets BEGIN
    UPDATE trial_counts SET n = n - 1 WHERE ${OLD_CELL};
  END;

`;

/** Facets of every trial stored before this migration (later trials get theirs from facet-sync.ts). */
const BACKFILL_FACETS = `
  INSERT INTO trial_facets (run_id, model_key, item_id, template_id, sample, domain, bin, outcome, avoidance)
    SELECT t.run_id, t.model_key, t.item_id, t.template_id, t.sample, COALESCE(i.domain, 'unknown'), COALESCE(i.bin, -1),
      CASE WHEN t.status = 'error' THEN 'error' ELSE COALESCE(e.outcome, 'ungraded') END,
      CASE WHEN t.status = 'error' THEN '' ELSE COALESCE(e.avoidance, '') END
    FROM trials t LEFT JOIN items i ON i.id = t.item_id
      LEFT JOIN effective_grades e ON e.run_id = t.run_id AND e.model_key = t.model_key AND e.item_id = t.item_id
        AND e.template_id = t.template_id AND e.sample = t.sample
    ORDER BY t.rowid;
`;

/** The effective grade of the trial NEW refers to, as (outcome, avoidance); the rule grade is G. */
const effectiveFrom = (g: string): string => `
  SELECT COALESCE(o.after_outcome, ${g}.outcome), COALESCE(CASE WHEN o.id IS NULL THEN ${g}.avoidance ELSE o.after_avoidance END, '')
  FROM (SELECT 1) LEFT JOIN grade_overrides o ON o.id = (SELECT MAX(id) FROM grade_overrides x WHERE x.${FACET_KEY.replaceAll(' AND ', ' AND x.')})`;

const facetTriggers = `
  CREATE TRIGGER trials_facet_i AFTER INSERT ON trials BEGIN
    INSERT INTO trial_facets (run_id, model_key, item_id, template_id, sample, domain, bin, outcome, avoidance)
      SELECT NEW.run_id, NEW.model_key, NEW.item_id, NEW.template_id, NEW.sample, COALESCE(i.domain, 'unknown'), COALESCE(i.bin, -1),
        CASE WHEN NEW.status = 'error' THEN 'error' ELSE 'ungraded' END, ''
      FROM (SELECT 1) LEFT JOIN items i ON i.id = NEW.item_id;
  END;
  CREATE TRIGGER trials_facet_u AFTER UPDATE OF status ON trials BEGIN
    UPDATE trial_facets SET outcome = CASE WHEN NEW.status = 'error' THEN 'error' ELSE 'ungraded' END, avoidance = ''
      WHERE ${FACET_KEY} AND outcome IN ('error', 'ungraded');
  END;
  CREATE TRIGGER trials_facet_d AFTER DELETE ON trials BEGIN
    DELETE FROM trial_facets WHERE ${OLD_KEY};
  END;
  CREATE TRIGGER grades_facet_i AFTER INSERT ON grades WHEN NEW.grader = 'rule' BEGIN
    UPDATE trial_facets SET (outcome, avoidance) = (${effectiveFrom('NEW')}) WHERE ${FACET_KEY};
  END;
  CREATE TRIGGER grades_facet_u AFTER UPDATE ON grades
    WHEN NEW.grader = 'rule' AND (OLD.outcome IS NOT NEW.outcome OR OLD.avoidance IS NOT NEW.avoidance) BEGIN
    UPDATE trial_facets SET (outcome, avoidance) = (${effectiveFrom('NEW')}) WHERE ${FACET_KEY};
  END;
  CREATE TRIGGER grades_facet_d AFTER DELETE ON grades WHEN OLD.grader = 'rule' BEGIN
    UPDATE trial_facets SET outcome = 'ungraded', avoidance = '' WHERE ${OLD_KEY} AND outcome <> 'error';
  END;
  CREATE TRIGGER grade_overrides_facet_i AFTER INSERT ON grade_overrides BEGIN
    UPDATE trial_facets SET outcome = NEW.after_outcome, avoidance = COALESCE(NEW.after_avoidance, '')
      WHERE ${FACET_KEY} AND outcome NOT IN ('error', 'ungraded');
  END;
`;

const studies = `
  CREATE TABLE studies (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('S1', 'S2')),
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    created_at       TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    run_id           TEXT,
    per_participant  INTEGER NOT NULL CHECK (per_participant >= 1),
    attention_checks INTEGER NOT NULL CHECK (attention_checks >= 0),
    open_token_hash  TEXT UNIQUE,
    open_cap         INTEGER CHECK (open_cap IS NULL OR open_cap >= 1),
    settings_json    TEXT NOT NULL,
    CHECK ((kind = 'S2') = (run_id IS NOT NULL)),
    CHECK ((open_token_hash IS NULL) = (open_cap IS NULL))
  ) STRICT;

  -- The sampled pool: S1 items, or S2 trials (run, model, item, template, sample). Attention checks
  -- are not in the pool; they are added to each participant's assignment.
  CREATE TABLE study_items (
    study_id    TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    domain      TEXT NOT NULL,
    bin         INTEGER NOT NULL,
    model_key   TEXT,
    template_id TEXT,
    sample      INTEGER,
    PRIMARY KEY (study_id, position)
  ) STRICT;

  CREATE TABLE study_participants (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    study_id    TEXT NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    label       TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    via_open    INTEGER NOT NULL CHECK (via_open IN (0, 1)),
    created_at  TEXT NOT NULL,
    finished_at TEXT,
    UNIQUE (study_id, seq)
  ) STRICT;

  -- A participant's items in the order shown: a pool item, or an attention check (expected answer kept
  -- here, server-side only).
  CREATE TABLE study_assignments (
    participant_id INTEGER NOT NULL REFERENCES study_participants(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    study_id       TEXT NOT NULL,
    item_position  INTEGER,
    attention_json TEXT,
    shown_at       TEXT,
    PRIMARY KEY (participant_id, position),
    FOREIGN KEY (study_id, item_position) REFERENCES study_items(study_id, position),
    CHECK ((item_position IS NULL) <> (attention_json IS NULL))
  ) STRICT;

  CREATE TABLE study_responses (
    participant_id INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    verdict        TEXT CHECK (verdict IN ('correct', 'incorrect', 'avoidant', 'unsure')),
    rating         REAL CHECK (rating >= 0 AND rating <= 100),
    shown_at       TEXT NOT NULL,
    answered_at    TEXT NOT NULL,
    ms             INTEGER NOT NULL CHECK (ms >= 0),
    PRIMARY KEY (participant_id, position),
    FOREIGN KEY (participant_id, position) REFERENCES study_assignments(participant_id, position) ON DELETE CASCADE,
    CHECK ((verdict IS NULL) <> (rating IS NULL))
  ) STRICT;
  CREATE TRIGGER study_responses_once BEFORE UPDATE ON study_responses
    BEGIN SELECT RAISE(ABORT, 'a study response is given once and never changed'); END;
`;

export const MIGRATION_4: Migration = {
  version: 4,
  name: 'viewer facets and counts, human studies',
  sql: facetsAndCounts + BACKFILL_FACETS + facetTriggers + studies,
};
