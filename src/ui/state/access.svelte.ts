/**
 * The Access-map panel's state: the rules being edited (the world's
 * /etc/mail/access, re-read when the Vfs changes and the text is not being
 * edited), the client profiles, the selected table cell, and the terminal
 * replay. Decisions come from access-model.ts (core/access's playground).
 */
import { createSubscriber } from 'svelte/reactivity';
import type { World } from '../../core/sim/index.ts';
import { loadMtaConfig } from '../../core/sim/mta-config.ts';
import { readDb } from '../../core/sim/map-db.ts';
import { featuresFromCf } from '../../core/sim/policy-features.ts';
import { resolveName } from '../../core/sim/hosts.ts';
import type { Features } from '../../core/access/index.ts';
import {
  ACCESS_PATH,
  MAKEMAP_COMMAND,
  READY_PROFILES,
  dbMatches,
  evaluateRules,
  feedSession,
  sessionScript,
  worldFeatures,
  worldResolver,
  READY_PEERS,
  evaluatePeers,
  type ClientProfile,
  type PeerProfile,
  type PeerRow,
  type Resolve,
  type Evaluation,
  type SessionScript,
} from './access-model.ts';

export interface Cell {
  profile: string;
  ruleset: string;
}

let counter = 0;

export class AccessState {
  readonly #world: World;
  readonly #type: (text: string) => void;
  readonly #track: () => void;
  #draft = $state<string | null>(null);
  #status = $state('');
  #runStatus = $state('');
  #running = $state(false);
  profiles = $state<ClientProfile[]>([...READY_PROFILES]);
  selected = $state<Cell | null>(null);
  /** Which table the playground shows: clients connecting to us, or peers we connect to. */
  view = $state<'clients' | 'peers'>('clients');
  peers = $state<PeerProfile[]>([...READY_PEERS]);
  selectedPeer = $state<{ peer: string; ruleset: string } | null>(null);

  constructor(world: World, type: (text: string) => void) {
    this.#world = world;
    this.#type = type;
    this.#track = createSubscriber((update) => world.vfs.subscribe(() => update()));
  }

  #read(path: string): string | null {
    try {
      return this.#world.vfs.readText(path);
    } catch {
      return null;
    }
  }

  /** The file as saved in the world ('' when it does not exist). */
  get saved(): string {
    this.#track();
    return this.#read(ACCESS_PATH) ?? '';
  }

  get text(): string {
    return this.#draft ?? this.saved;
  }

  get dirty(): boolean {
    return this.#draft !== null && this.#draft !== this.saved;
  }

  /** The last save's message, for a live region. */
  get status(): string {
    return this.#status;
  }

  get runStatus(): string {
    return this.#runStatus;
  }

  get running(): boolean {
    return this.#running;
  }

  edit(text: string): void {
    this.#draft = text;
    this.#status = '';
  }

  revert(): void {
    this.#draft = null;
    this.#status = 'Reverted to the saved file.';
  }

  save(): void {
    if (this.#draft === null) return;
    try {
      this.#world.vfs.writeFile(ACCESS_PATH, this.#draft);
      this.#draft = null;
      this.#status = `Saved ${ACCESS_PATH}. Sendmail reads access.db, not this file: run ${MAKEMAP_COMMAND}`;
    } catch (e) {
      this.#status = `Not saved: ${e instanceof Error && 'text' in e ? String((e as { text: unknown }).text) : 'write failed'}.`;
    }
  }

  /** Does /etc/mail/access.db hold the saved file (null: there is no access.db)? */
  get dbCurrent(): boolean | null {
    this.#track();
    return dbMatches(this.saved, readDb(this.#world.vfs, `${ACCESS_PATH}.db`));
  }

  /**
   * The daemon's view, as it starts (core/sim's policy): the features of
   * sendmail.cf (null when the cf has no access map), classes w and R, $j, and
   * the sender-domain check over /etc/hosts. Without a cf, the mc's features.
   */
  get setup(): { features: Features; resolve: Resolve; accessInCf: boolean | null } {
    this.#track();
    const vfs = this.#world.vfs;
    const config = loadMtaConfig(vfs);
    const fromMc = worldFeatures(this.#read('/etc/mail/sendmail.mc') ?? '', config);
    if (!config) return { features: fromMc, resolve: () => 'OK', accessInCf: null };
    const fromCf = featuresFromCf(this.#read(config.cfPath) ?? '', vfs, config.hostname, [...config.localNames]);
    const hosts = this.#world.hosts();
    const resolve = worldResolver(config.localNames, config.hostsViaDns, (d) => resolveName(hosts, d).length > 0);
    return { features: fromCf ?? fromMc, resolve, accessInCf: fromCf !== null };
  }

  readonly evaluation: Evaluation = $derived.by(() => {
    const { features, resolve } = this.setup;
    return evaluateRules(this.text, this.profiles, features, resolve);
  });

  readonly peerRows: PeerRow[] = $derived.by(() => evaluatePeers(this.text, this.peers, this.setup.features));

  /** Adds a peer (a copy of `from`, or of the partner MX) and returns its id. */
  addPeer(from?: PeerProfile): string {
    const base = from ?? READY_PEERS[0]!;
    const id = `peer-${++counter}`;
    this.peers = [...this.peers, { ...base, id, name: `${base.name} (copy)` }];
    return id;
  }

  updatePeer(id: string, patch: Partial<Omit<PeerProfile, 'id'>>): void {
    this.peers = this.peers.map((p) => (p.id === id ? { ...p, ...patch } : p));
  }

  removePeer(id: string): void {
    this.peers = this.peers.filter((p) => p.id !== id);
    if (this.selectedPeer?.peer === id) this.selectedPeer = null;
  }

  resetPeers(): void {
    this.peers = [...READY_PEERS];
    this.selectedPeer = null;
  }

  /** Adds a profile (a copy of `from`, or of the client without TLS) and returns its id. */
  addProfile(from?: ClientProfile): string {
    const base = from ?? READY_PROFILES.find((p) => p.id === 'no-tls')!;
    const id = `custom-${++counter}`;
    this.profiles = [...this.profiles, { ...base, id, name: `${base.name} (copy)` }];
    return id;
  }

  updateProfile(id: string, patch: Partial<Omit<ClientProfile, 'id'>>): void {
    this.profiles = this.profiles.map((p) => (p.id === id ? { ...p, ...patch } : p));
  }

  removeProfile(id: string): void {
    this.profiles = this.profiles.filter((p) => p.id !== id);
    if (this.selected?.profile === id) this.selected = null;
  }

  resetProfiles(): void {
    this.profiles = [...READY_PROFILES];
    this.selected = null;
  }

  script(p: ClientProfile): SessionScript {
    return sessionScript(p, this.#world.commands.has('swaks'));
  }

  /** Types makemap's command line at the prompt (the learner presses Enter). */
  typeMakemap(): void {
    this.#type(MAKEMAP_COMMAND);
  }

  /** Runs the profile as a real SMTP session in the terminal. */
  async run(p: ClientProfile): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#runStatus = `Running ${p.name} in the terminal…`;
    const trace = this.#world.trace;
    try {
      this.#runStatus = await feedSession(this.script(p), {
        type: (t) => this.#type(t),
        nextReply: (ms) =>
          new Promise<boolean>((resolve) => {
            let stop = (): void => {};
            const timer = setTimeout(() => {
              stop();
              resolve(false);
            }, ms);
            stop = trace.subscribe((e) => {
              if (e.kind !== 'smtp.reply') return;
              stop();
              clearTimeout(timer);
              // let the rest of a multi-line reply print before the next line is typed
              setTimeout(() => resolve(true), 120);
            });
          }),
      });
    } finally {
      this.#running = false;
    }
  }
}
