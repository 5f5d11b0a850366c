/**
 * The world's trace as reactive Svelte state (STYLE.md: outside event
 * sources bridged with createSubscriber). Panels read `events` (or `of(kind)`)
 * inside a template or $derived and re-render when the world emits.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { TraceEvent, TraceKind, TraceLog } from '../../core/trace/index.ts';

export class TraceState {
  readonly #log: TraceLog;
  readonly #subscribe: () => void;

  constructor(log: TraceLog) {
    this.#log = log;
    this.#subscribe = createSubscriber((update) => log.subscribe(() => update()));
  }

  /** Every event so far, oldest first. */
  get events(): readonly TraceEvent[] {
    this.#subscribe();
    return this.#log.events;
  }

  /** The events of one kind, oldest first. */
  of<K extends TraceKind>(kind: K): Extract<TraceEvent, { kind: K }>[] {
    this.#subscribe();
    return this.#log.of(kind);
  }

  /** How many events so far (cheap to depend on). */
  get length(): number {
    this.#subscribe();
    return this.#log.length;
  }
}
