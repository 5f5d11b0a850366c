/**
 * The lookups of a decision as rows for the playground's trace: the tag the
 * rules put in front of the key (`TLS_Clt`, `Connect`, `CERTISSUER`, a CITag
 * tag, or none for a legacy untagged key), the rest of the key, the value found
 * (null: not in the map) and whether this entry is the one the decision rests on.
 * The rows come from Decision.lookups, which the engine records in order.
 */
import type { Lookup } from './map.ts';

export interface TraceRow {
  /** 1-based position in the order the rules looked the keys up. */
  readonly n: number;
  /** The tag ('' for an untagged key). */
  readonly tag: string;
  /** The key after `tag:` ('' for a bare tag, the default entry). */
  readonly rest: string;
  /** The whole key as the rules built it (sendmail lower-cases it for the hash lookup). */
  readonly key: string;
  readonly value: string | null;
  /** The entry the decision rests on (engine's matchedLookup). */
  readonly decides: boolean;
}

/**
 * Splits a key into tag and rest. A tag is a word before the first colon;
 * `IPv6:` starts an untagged IPv6 address, not a tag.
 */
export function tagOf(key: string): { tag: string; rest: string } {
  const m = /^([A-Za-z_][A-Za-z0-9_]*):/.exec(key);
  if (!m || m[1].toLowerCase() === 'ipv6') return { tag: '', rest: key };
  return { tag: m[1], rest: key.slice(m[0].length) };
}

export function traceOf(lookups: readonly Lookup[], decides: Lookup | null): TraceRow[] {
  return lookups.map((l, i) => ({ n: i + 1, ...tagOf(l.key), key: l.key, value: l.value, decides: l === decides }));
}
