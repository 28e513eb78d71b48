/**
 * Schema migrations, applied in order, each once, inside a transaction. Never edit a released
 * migration: add a new one. Version 2 adds runs, trials and the response cache (docs/engine.md);
 * version 3 adds grades and the audit trail of human overrides (docs/grading.md "Stored grades");
 * version 4 adds the viewer's facets and counts and the human studies (migration-4.ts, docs/serve.md);
 * version 5 moves the facets of new trials and rule grades from per-row triggers to bulk writes (migration-5.ts);
 * later issues add further versions.
 */
import { MIGRATION_4 } from './migration-4.js';
import { MIGRATION_5 } from './migration-5.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'items and templates',
    sql: `
      CREATE TABLE items (
        id            TEXT PRIMARY KEY,
        domain        TEXT NOT NULL,
        input_json    TEXT NOT NULL,
        gold_json     TEXT NOT NULL,
        difficulty_json TEXT NOT NULL,
        chosen        TEXT NOT NULL,
        calibrated    REAL NOT NULL,
        bin           INTEGER NOT NULL,
        source_json   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX items_domain_bin ON items(domain, bin);

      CREATE TABLE templates (
        id      TEXT PRIMARY KEY,
        domain  TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        text    TEXT NOT NULL,
        cue     TEXT NOT NULL
      ) STRICT;

      -- One row per \`generate\` call: which items it produced, in order, from which settings.
      CREATE TABLE item_sets (
        id          TEXT PRIMARY KEY,
        seed        TEXT NOT NULL,
        domains     TEXT NOT NULL,
        per_domain  INTEGER NOT NULL,
        item_count  INTEGER NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE item_set_members (
        set_id    TEXT NOT NULL REFERENCES item_sets(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        item_id   TEXT NOT NULL REFERENCES items(id),
        PRIMARY KEY (set_id, position)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'runs, trials and the response cache',
    sql: `
      -- One row per \`run\`; a resumed run keeps its row. filter/config never hold secrets (keys live in env).
      CREATE TABLE runs (
        id            TEXT PRIMARY KEY,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'failed')),
        status_reason TEXT,
        item_set_id   TEXT REFERENCES item_sets(id),
        filter_json   TEXT NOT NULL,
        config_json   TEXT NOT NULL,
        total_trials  INTEGER
      ) STRICT;

      -- The models of a run, as typed (spec) and as resolved (provider, model id, mode).
      CREATE TABLE run_models (
        run_id         TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        model_key      TEXT NOT NULL,
        spec           TEXT NOT NULL,
        provider       TEXT NOT NULL,
        model_id       TEXT NOT NULL,
        mode           TEXT NOT NULL CHECK (mode IN ('chat', 'completion')),
        settings_json  TEXT NOT NULL,
        samples        INTEGER NOT NULL CHECK (samples >= 1),
        metadata_json  TEXT NOT NULL,
        pricing_json   TEXT,
        execution_json TEXT NOT NULL,
        PRIMARY KEY (run_id, model_key)
      ) STRICT;

      -- One row per finished trial, written once: its key is (run, model, item, template, sample).
      CREATE TABLE trials (
        run_id        TEXT NOT NULL,
        model_key     TEXT NOT NULL,
        item_id       TEXT NOT NULL,
        template_id   TEXT NOT NULL,
        sample        INTEGER NOT NULL,
        mode          TEXT NOT NULL CHECK (mode IN ('chat', 'completion')),
        prompt        TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('answered', 'error')),
        text          TEXT,
        finish_reason TEXT,
        input_tokens  INTEGER,
        output_tokens INTEGER,
        cost_usd      REAL NOT NULL,
        latency_ms    INTEGER NOT NULL,
        attempts      INTEGER NOT NULL,
        cached        INTEGER NOT NULL CHECK (cached IN (0, 1)),
        response_key  TEXT,
        error_code    TEXT,
        error_message TEXT,
        warnings_json TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        PRIMARY KEY (run_id, model_key, item_id, template_id, sample),
        FOREIGN KEY (run_id, model_key) REFERENCES run_models(run_id, model_key) ON DELETE CASCADE,
        CHECK ((status = 'answered') = (text IS NOT NULL)),
        CHECK ((status = 'error') = (error_code IS NOT NULL))
      ) STRICT;
      CREATE INDEX trials_item ON trials(item_id);

      -- Answers by a hash of everything that determines them (response-cache.ts); shared by all runs.
      CREATE TABLE response_cache (
        key           TEXT PRIMARY KEY,
        provider      TEXT NOT NULL,
        model_id      TEXT NOT NULL,
        mode          TEXT NOT NULL,
        text          TEXT NOT NULL,
        finish_reason TEXT NOT NULL,
        input_tokens  INTEGER,
        output_tokens INTEGER,
        latency_ms    INTEGER NOT NULL,
        warnings_json TEXT NOT NULL,
        raw_json      TEXT,
        created_at    TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'grades and audited overrides',
    sql: `
      -- One grade per trial and grader: 'rule' (the rule grader) or 'judge' (an LLM judge). A re-grade
      -- replaces the row (grades are derived data); the judge never writes the rule row.
      CREATE TABLE grades (
        run_id         TEXT NOT NULL,
        model_key      TEXT NOT NULL,
        item_id        TEXT NOT NULL,
        template_id    TEXT NOT NULL,
        sample         INTEGER NOT NULL,
        grader         TEXT NOT NULL CHECK (grader IN ('rule', 'judge')),
        outcome        TEXT NOT NULL CHECK (outcome IN ('correct', 'avoidant', 'incorrect')),
        avoidance      TEXT,
        extracted      TEXT,
        rule_id        TEXT NOT NULL,
        grader_version TEXT NOT NULL,
        rationale      TEXT NOT NULL,
        judge_spec     TEXT,
        created_at     TEXT NOT NULL,
        PRIMARY KEY (run_id, model_key, item_id, template_id, sample, grader),
        FOREIGN KEY (run_id, model_key, item_id, template_id, sample)
          REFERENCES trials(run_id, model_key, item_id, template_id, sample) ON DELETE CASCADE,
        CHECK ((outcome = 'avoidant') = (avoidance IS NOT NULL))
      ) STRICT;

      -- Human overrides, append-only: who changed which grade, when, from what to what, and why.
      -- The newest override of a trial is its effective grade (effective_grades below).
      CREATE TABLE grade_overrides (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id            TEXT NOT NULL,
        model_key         TEXT NOT NULL,
        item_id           TEXT NOT NULL,
        template_id       TEXT NOT NULL,
        sample            INTEGER NOT NULL,
        who               TEXT NOT NULL CHECK (length(trim(who)) > 0),
        at                TEXT NOT NULL,
        before_outcome    TEXT NOT NULL,
        before_avoidance  TEXT,
        after_outcome     TEXT NOT NULL CHECK (after_outcome IN ('correct', 'avoidant', 'incorrect')),
        after_avoidance   TEXT,
        reason            TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        FOREIGN KEY (run_id, model_key, item_id, template_id, sample)
          REFERENCES trials(run_id, model_key, item_id, template_id, sample) ON DELETE CASCADE,
        CHECK ((after_outcome = 'avoidant') = (after_avoidance IS NOT NULL))
      ) STRICT;
      CREATE INDEX grade_overrides_trial ON grade_overrides(run_id, model_key, item_id, template_id, sample, id);
      CREATE TRIGGER grade_overrides_append_only_u BEFORE UPDATE ON grade_overrides
        BEGIN SELECT RAISE(ABORT, 'grade_overrides is append-only'); END;

      -- The grade the analyses use: the newest human override, else the rule grade.
      CREATE VIEW effective_grades AS
        SELECT g.run_id, g.model_key, g.item_id, g.template_id, g.sample,
          COALESCE(o.after_outcome, g.outcome) AS outcome,
          CASE WHEN o.id IS NULL THEN g.avoidance ELSE o.after_avoidance END AS avoidance,
          g.extracted, g.rule_id, g.grader_version, g.rationale,
          o.id AS override_id
        FROM grades g
        LEFT JOIN grade_overrides o ON o.id = (
          SELECT MAX(id) FROM grade_overrides x
          WHERE x.run_id = g.run_id AND x.model_key = g.model_key AND x.item_id = g.item_id
            AND x.template_id = g.template_id AND x.sample = g.sample)
        WHERE g.grader = 'rule';
    `,
  },
  MIGRATION_4,
  MIGRATION_5,
];
