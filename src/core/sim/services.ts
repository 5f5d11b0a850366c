/**
 * The services of one world that its programs share. core/sim builds one
 * WorldServices per World; programs (sendmail, telnet, ...) receive it.
 */
import type { Clock, Random, TraceLog } from '../trace/index.ts';
import type { Vfs } from '../vfs/index.ts';
import type { Syslog } from './syslog.ts';
import type { ProcessTable } from './processes.ts';
import type { Network } from './network.ts';
import type { HostLine } from './hosts.ts';

export interface WorldServices {
  readonly vfs: Vfs;
  readonly clock: Clock;
  readonly random: Random;
  /** WebCrypto, for the keys and certificates the world makes and checks */
  readonly subtle: SubtleCrypto;
  readonly trace: TraceLog;
  readonly syslog: Syslog;
  readonly procs: ProcessTable;
  readonly net: Network;
  /** /etc/hosts as it is now */
  hosts(): HostLine[];
  /** Resolves when the world's daemons have handled everything sent to them so far. */
  settle(): Promise<void>;
}
