/**
 * The running lab: one simulated world and the terminal session on it.
 *
 * The world (core/sim and everything behind it) is imported lazily, so the
 * page and its terminal show at once while the world is built; keys typed
 * meanwhile are held by the line discipline and replayed at the first prompt.
 * When the login shell exits, Enter logs in again on the same world.
 *
 * Address parameters: `?world=fresh|reference`, `?seed=N` (seeded randomness
 * for reproducible demos).
 */
import type { World } from '../../core/sim/index.ts';
import type { Vfs } from '../../core/vfs/index.ts';
import { LineDiscipline } from '../../terminal/line-discipline.ts';
import { browserServices } from '../../platform/index.ts';
import { seededRandom, type Random } from '../../core/trace/index.ts';

export const WORLDS = [
  { id: 'reference', label: 'Reference (TLS configured)' },
  { id: 'fresh', label: 'Fresh install' },
] as const;
export type WorldKind = (typeof WORLDS)[number]['id'];

export const MODES = [{ id: 'sandbox', label: 'Sandbox' }] as const;
export type Mode = (typeof MODES)[number]['id'];

export type LabStatus = 'starting' | 'ready' | 'failed';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class LabState {
  #status = $state<LabStatus>('starting');
  #error = $state('');
  #kind = $state<WorldKind>('reference');
  #mode = $state<Mode>('sandbox');
  #world = $state.raw<World | null>(null);
  #terminal = $state.raw(new LineDiscipline());
  #session = 0;
  #sideRuns = 0;
  readonly #seed: number | null;

  constructor(params: URLSearchParams) {
    const kind = params.get('world');
    if (WORLDS.some((w) => w.id === kind)) this.#kind = kind as WorldKind;
    const seed = params.get('seed');
    this.#seed = seed !== null && /^\d{1,9}$/.test(seed) ? Number(seed) : null;
  }

  get status(): LabStatus {
    return this.#status;
  }
  get error(): string {
    return this.#error;
  }
  get kind(): WorldKind {
    return this.#kind;
  }
  get mode(): Mode {
    return this.#mode;
  }
  /** The line discipline the terminal view connects to (a new one per session). */
  get terminal(): LineDiscipline {
    return this.#terminal;
  }
  /**
   * A random source for work a panel does beside the world (the TLS 1.3/1.2
   * comparison), so it never shifts the world's own stream: real randomness,
   * or with `?seed=N` a seeded one per call, so a seeded demo still repeats.
   */
  sideRandom(): Random {
    return this.#seed === null ? browserServices(null).random : seededRandom(this.#seed * 1000 + ++this.#sideRuns);
  }

  /** The simulated world, once it is ready (panels read its trace and state). */
  get world(): World | null {
    return this.#world;
  }
  /** The world's filesystem, once the world is ready. */
  get vfs(): Vfs | null {
    return this.#world?.vfs ?? null;
  }

  /** Types `text` into the terminal as if from the keyboard (panels' "run this in the terminal"; `\r` is Enter). */
  typeIntoTerminal(text: string): void {
    this.#terminal.input(text);
  }

  /** Builds a world of `kind` and logs in on a fresh terminal session. */
  async start(kind: WorldKind = this.#kind): Promise<void> {
    const session = ++this.#session;
    const tty = session === 1 ? this.#terminal : new LineDiscipline();
    this.#kind = kind;
    this.#status = 'starting';
    this.#error = '';
    this.#world = null;
    this.#terminal = tty;
    try {
      const { createWorld } = await import('../../core/sim/index.ts');
      const world = await createWorld({ kind, ...browserServices(this.#seed) });
      if (session !== this.#session) return;
      this.#world = world;
      this.#status = 'ready';
      void this.#login(world, tty, session);
    } catch (e) {
      if (session !== this.#session) return;
      this.#status = 'failed';
      this.#error = message(e);
      tty.write(`lab: the simulated host could not start: ${this.#error}\n`);
    }
  }

  async #login(world: World, tty: LineDiscipline, session: number): Promise<void> {
    while (session === this.#session) {
      try {
        await world.runTerminal(tty);
      } catch (e) {
        tty.write(`lab: the shell stopped: ${message(e)}\n`);
      }
      if (session !== this.#session) return;
      tty.write('\n[logged out] Press Enter to log in again.\n');
      await tty.readLine();
    }
  }
}
