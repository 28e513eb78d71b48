/**
 * Schema migrations, applied in order, each once, inside a transaction. Never edit a released
 * migration: add a new one. Version 2 adds runs, trials and the response cache (docs/engine.md);
 * later issues add grades, studies … as further versions.
 */
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
];
