/**
 * The access map as Sendmail reads access.db: a hash table (a JavaScript Map),
 * keys lower-cased on lookup as sendmail does for maps without -f, values as
 * stored. Every lookup a ruleset makes is recorded, in order, for the trace.
 */

export interface Lookup {
  /** The key as the rules built it (before lower-casing). */
  readonly key: string;
  /** The value found, or null when the key is not in the map. */
  readonly value: string | null;
}

export class AccessMap {
  readonly entries: ReadonlyMap<string, string>;
  constructor(entries: ReadonlyMap<string, string> | Iterable<[string, string]>) {
    this.entries = entries instanceof Map ? entries : new Map(entries);
  }
  get size(): number {
    return this.entries.size;
  }
  /** One hash lookup; `log` receives it. */
  get(key: string, log?: Lookup[]): string | null {
    const v = this.entries.get(key.toLowerCase());
    const value = v === undefined ? null : v;
    log?.push({ key, value });
    return value;
  }
}
