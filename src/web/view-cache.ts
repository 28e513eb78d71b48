import type { Db } from '../store/sqlite/open-workspace.js';

/**
 * Memoises read-only summaries (charts, counts, filter choices) until the store changes. SQLite's
 * `data_version` moves when another connection commits (a run or `grade` in another process); this
 * server's own writes call `changed()`.
 */
export class ViewCache {
  private version = -1;
  private local = 0;
  private readonly values = new Map<string, unknown>();

  constructor(private readonly db: Db, private readonly maxEntries = 500) {}

  get<T>(key: string, compute: () => T): T {
    const version = (this.db.pragma('data_version', { simple: true }) as number) * 1_000_000 + this.local;
    if (version !== this.version) {
      this.values.clear();
      this.version = version;
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    if (this.values.size >= this.maxEntries) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  changed(): void {
    this.local++;
  }
}
