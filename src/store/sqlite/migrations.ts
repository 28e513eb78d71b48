/**
 * Schema migrations, applied in order, each once, inside a transaction. Never edit a released
 * migration: add a new one. Later issues add trials, grades, studies … as further versions.
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
];
