/**
 * `make [-C DIR] [-f FILE] [TARGET...]` for Debian's /etc/mail/Makefile (sendmail
 * 8.17.1.9-2+deb12u2, written by update_mk), under GNU make 4.3's rules: a file
 * is remade when missing or older than one of its prerequisites, `$?` lists the
 * prerequisites that changed. The recipes are the Makefile's, acted out on the
 * vfs with what their scripts print (test/fixtures/m4/make/, captured on a copy
 * of /etc/mail by capture-make.sh): parse_mc, update_mk, update_conf,
 * update_auth, m4 into sendmail.cf / submit.cf (with the commented .mc appended),
 * makemap into access.db, `sendmail -bi` into aliases.db.
 *
 * Other makefiles are beyond the lab: make says so instead of guessing.
 */
import type { Command, CommandContext } from '../../shell/types.ts';
import { normalizePath } from '../../vfs/index.ts';
import { buildAccessDb } from '../databases.ts';
import type { WorldServices } from '../services.ts';
import { m4Environment, runM4InWorld } from './m4.ts';
import { newaliasesRun } from './sendmail.ts';

const D = '/etc/mail';
const CF = '/usr/share/sendmail/cf';
const INCLUDES = [`${CF}/m4/cf.m4`, `${CF}/ostype/debian.m4`, `${CF}/debian/autoconf.m4`, `${CF}/domain/debian-mta.m4`, `${CF}/debian/autoconf.m4`, `${D}/m4/dialup.m4`, `${D}/m4/provider.m4`];
const STAMP = '/var/run/sendmail/stampdir/reload';
const INIT = ['start', 'stop', 'restart', 'restart-if-running', 'reload-if-running', 'reload', 'force-reload', 'hoststat', 'purgestat', 'mailstats', 'mailq', 'runq', 'control', 'status', 'debug'];
const READ_CONF = 'Reading configuration from /etc/mail/sendmail.conf.\nValidating configuration.\n';

/** Phony targets whose recipe is `rm -f FILE; $(MAKE) -sf /etc/mail/Makefile FILE`. */
const SUBMAKE: Record<string, string> = {
  'sendmail.cf': `${D}/sendmail.cf`,
  'submit.cf': `${D}/submit.cf`,
  access_db: `${D}/access.db`,
  'access.db': `${D}/access.db`,
  access: `${D}/access.db`,
  ALIAS_FILE: `${D}/aliases.db`,
  newaliases: `${D}/aliases.db`,
  'aliases.db': `${D}/aliases.db`,
  aliases: `${D}/aliases.db`,
  databases: `${D}/databases`,
  parse_mc: `${D}/databases`,
  crontab: '/etc/cron.d/sendmail',
  cron: '/etc/cron.d/sendmail',
  update_conf: '/etc/cron.d/sendmail',
  auth: `${D}/sasl/sasl.m4`,
  update_auth: `${D}/sasl/sasl.m4`,
  tls: `${D}/tls/starttls.m4`,
  update_tls: `${D}/tls/starttls.m4`,
  makefile: `${D}/Makefile`,
  make: `${D}/Makefile`,
  update_mk: `${D}/Makefile`,
};

interface Rule {
  prereqs: string[];
  phony?: boolean;
  /** Acts out the recipe; `changed` is `$?`. */
  recipe?: (changed: string[]) => Promise<void> | void;
}

class Stop extends Error {}

class DebianMakefile {
  private done = new Map<string, boolean>();
  ran = false;

  constructor(
    private readonly ctx: CommandContext,
    private readonly w: WorldServices,
    private readonly level: number,
  ) {}

  private get vfs(): CommandContext['vfs'] {
    return this.ctx.vfs;
  }
  private out(s: string): void {
    this.ctx.stdout.write(s);
  }
  private mtime(p: string): number | null {
    try {
      return this.vfs.stat(p).mtime;
    } catch {
      return null;
    }
  }
  private touch(p: string): void {
    if (!this.vfs.exists(p)) return;
    const now = this.ctx.clock.now();
    this.vfs.utimes(p, now, now);
  }
  private own(p: string, user: string, group: string, mode: number): void {
    try {
      this.vfs.chown(p, this.vfs.uidOf(user) ?? 0, this.vfs.gidOf(group) ?? 0);
      this.vfs.chmod(p, mode);
    } catch {
      /* as the recipes' chown/chmod, whose errors make ignores with `|| true` or cannot see */
    }
  }

  private rules(): Record<string, Rule> {
    const cfRule = (cf: string, mc: string, prereqs: string[], label: string): Rule => ({
      prereqs,
      recipe: () => {
        this.out(`Updating ${label} ...\n`);
        if (cf === `${D}/submit.cf` && !this.vfs.exists(`${CF}/feature/msp.m4`)) return;
        this.rm(`${cf}.errors`);
        const r = runM4InWorld(m4Environment(this.ctx, D), [mc]);
        let mcText = '';
        try {
          mcText = this.vfs.readText(mc);
        } catch {
          /* sed: can't read: m4 has already said so */
        }
        const commented = mcText === '' ? '' : mcText.replace(/^/gm, '# ').replace(/# $/, '');
        this.vfs.writeFile(cf, `${r.stdout}### ${mc} ###\n${commented}`);
        this.own(cf, 'root', 'smmsp', 0o644);
        if (r.stderr !== '') {
          this.vfs.writeFile(`${cf}.errors`, r.stderr);
          this.own(`${cf}.errors`, 'root', 'smmsp', 0o644);
          this.out(r.stderr);
        }
      },
    });
    return {
      all: { phony: true, prereqs: ['sendmail', STAMP] },
      sendmail: { phony: true, prereqs: ['sendmail_files', 'sendmail_dbs'] },
      sendmail_files: {
        phony: true,
        prereqs: [`${D}/sendmail.mc`, `${D}/databases`, `${D}/submit.mc`, `${D}/access`, `${D}/sasl/sasl.m4`, ...INCLUDES.filter((p, i) => INCLUDES.indexOf(p) === i), `${D}/tls/starttls.m4`, `${D}/aliases`, `${D}/relay-domains`, `${D}/local-host-names`],
      },
      sendmail_dbs: { phony: true, prereqs: [`${D}/databases`, `${D}/Makefile`, '/etc/cron.d/sendmail', `${D}/sendmail.cf`, `${D}/submit.cf`, `${D}/access.db`, `${D}/aliases.db`] },
      includes: { phony: true, prereqs: INCLUDES },
      [STAMP]: {
        prereqs: [`${D}/relay-domains`, `${D}/sendmail.conf`, `${D}/sendmail.cf`, `${D}/submit.cf`, `${D}/local-host-names`],
        recipe: (changed) => {
          if (!this.vfs.exists(STAMP)) this.out('A forced reload...\n');
          else this.out(`The following file(s) have changed:\n  ${changed.join(' ')}\n`);
          this.out('** ** You should issue `/etc/init.d/sendmail reload` ** **\n');
        },
      },
      [`${D}/databases`]: {
        prereqs: [`${D}/sendmail.mc`, ...INCLUDES],
        recipe: () => {
          this.out(`Updating databases ...\n${READ_CONF}Creating /etc/mail/databases...\n`);
          this.rewrite(`${D}/databases`, 'root', 'root', 0o644);
        },
      },
      [`${D}/Makefile`]: {
        prereqs: [`${D}/databases`],
        recipe: () => {
          this.out(`Updating Makefile ...\n${READ_CONF}Creating /etc/mail/Makefile...\n`);
          this.rewrite(`${D}/Makefile`, 'root', 'smmsp', 0o754);
        },
      },
      '/etc/cron.d/sendmail': {
        prereqs: [`${D}/sendmail.conf`],
        recipe: () => {
          this.out(`Updating crontab ...\n${READ_CONF}Writing configuration to /etc/mail/sendmail.conf.\nWriting /etc/cron.d/sendmail.\nDisabling MTA statistics file(/var/lib/sendmail/sendmail.st).\n`);
          this.touch(`${D}/sendmail.conf`);
          this.touch('/etc/cron.d/sendmail');
        },
      },
      [`${D}/sendmail.cf`]: cfRule(`${D}/sendmail.cf`, `${D}/sendmail.mc`, [`${D}/sendmail.mc`, ...INCLUDES], 'sendmail.cf'),
      [`${D}/submit.cf`]: cfRule(`${D}/submit.cf`, `${D}/submit.mc`, [`${D}/submit.mc`], 'submit.cf'),
      [`${D}/access.db`]: {
        prereqs: [`${D}/access`],
        recipe: () => {
          this.out('Updating access_db ...\n');
          buildAccessDb(this.vfs, `${D}/access`);
          this.own(`${D}/access.db`, 'smmta', 'smmsp', 0o640);
        },
      },
      [`${D}/aliases.db`]: {
        prereqs: [`${D}/aliases`],
        recipe: () => {
          this.out('Updating ALIAS_FILE ...\n');
          newaliasesRun(this.ctx, this.w);
          if (this.vfs.exists(`${D}/aliases.db`)) this.own(`${D}/aliases.db`, 'smmta', 'smmsp', 0o644);
        },
      },
      [`${D}/sasl/sasl.m4`]: {
        prereqs: [],
        recipe: () => {
          this.out('Updating auth ...\nsasl2-bin not installed, not configuring sendmail support.\n\nTo enable sendmail SASL2 support at a later date, invoke "/usr/share/sendmail/update_auth"\n\n');
        },
      },
      [`${D}/tls/starttls.m4`]: { prereqs: [], recipe: () => this.out('Updating tls ...\n') },
      [`${D}/sendmail.conf`]: { prereqs: [], recipe: () => this.out('Creating /etc/mail/sendmail.conf\n') },
      [`${D}/sendmail.mc`]: { prereqs: [], recipe: () => this.out('Creating /etc/mail/sendmail.mc\n') },
      [`${D}/submit.mc`]: {
        prereqs: [],
        recipe: () => {
          this.out('Creating /etc/mail/submit.mc\n');
          if (this.vfs.exists(`${CF}/debian/submit.mc`)) {
            this.vfs.writeFile(`${D}/submit.mc`, this.vfs.readFile(`${CF}/debian/submit.mc`));
            this.own(`${D}/submit.mc`, 'root', 'smmsp', 0o644);
          }
        },
      },
      [`${D}/access`]: {
        prereqs: [],
        recipe: () => {
          this.out('Creating /etc/mail/access\n');
          this.vfs.writeFile(`${D}/access`, '');
          this.own(`${D}/access`, 'smmta', 'smmsp', 0o640);
        },
      },
      [`${D}/aliases`]: {
        prereqs: [],
        recipe: () => {
          this.out('Creating /etc/mail/aliases\n');
          this.vfs.symlink('../aliases', `${D}/aliases`);
        },
      },
      [`${D}/relay-domains`]: { prereqs: [], recipe: () => this.out('Creating /etc/mail/relay-domains\n# Optional file...\n') },
      [`${D}/local-host-names`]: {
        prereqs: [],
        recipe: () => {
          this.out('Creating /etc/mail/local-host-names\n');
          this.vfs.writeFile(`${D}/local-host-names`, '');
          this.own(`${D}/local-host-names`, 'root', 'smmsp', 0o644);
        },
      },
    };
  }

  private rewrite(p: string, user: string, group: string, mode: number): void {
    if (this.vfs.exists(p)) this.vfs.writeFile(p, this.vfs.readFile(p));
    this.own(p, user, group, mode);
  }
  rm(p: string): void {
    try {
      this.vfs.unlink(p);
    } catch {
      /* rm -f */
    }
  }

  /** GNU make's update of one target; true when it was remade. */
  async update(target: string, parent: string | null): Promise<boolean> {
    const known = this.done.get(target);
    if (known !== undefined) return known;
    const rule = this.rules()[target];
    if (!rule) {
      if (this.mtime(target) !== null) {
        this.done.set(target, false);
        return false;
      }
      const msg = parent === null ? `No rule to make target '${target}'` : `No rule to make target '${target}', needed by '${parent}'`;
      this.ctx.stderr.write(`${this.prefix()}: *** ${msg}.  Stop.\n`);
      throw new Stop();
    }
    const changed: string[] = [];
    const own = this.mtime(target);
    let outdated = rule.phony === true || own === null;
    for (const p of rule.prereqs) {
      const remade = await this.update(p, target);
      const t = this.mtime(p);
      if (t === null ? remade : own === null || t > own) {
        if (!changed.includes(p)) changed.push(p);
        outdated = true;
      }
    }
    if (outdated && rule.recipe) {
      this.ran = true;
      await rule.recipe(changed);
    }
    this.done.set(target, outdated);
    return outdated;
  }

  prefix(): string {
    return this.level === 0 ? 'make' : `make[${this.level}]`;
  }

  async remakeMakefile(): Promise<void> {
    await this.update(`${D}/Makefile`, null);
    this.done.clear();
  }

  /** A sub-make `$(MAKE) -sf /etc/mail/Makefile FILE`: it first remakes its makefile. */
  async submake(file: string, printDir: boolean): Promise<void> {
    const sub = new DebianMakefile(this.ctx, this.w, this.level + 1);
    if (printDir) this.out(`${sub.prefix()}: Entering directory '${D}'\n`);
    try {
      await sub.remakeMakefile();
      await sub.update(file, null);
    } finally {
      if (printDir) this.out(`${sub.prefix()}: Leaving directory '${D}'\n`);
    }
  }

  async goal(target: string, printDir: boolean): Promise<void> {
    if (INIT.includes(target)) {
      this.out(`/etc/init.d/sendmail ${target}\n`);
      const cmd = this.ctx.shell.commands.get('/etc/init.d/sendmail');
      const status = cmd ? await cmd.run({ ...this.ctx, argv: ['/etc/init.d/sendmail', target] }) : 127;
      if (status !== 0) {
        // the recipe is line 51 of Debian's Makefile
        this.ctx.stderr.write(`${this.prefix()}: *** [Makefile:51: ${target}] Error ${status}\n`);
        throw new Stop();
      }
      return;
    }
    if (target === 'clean') {
      for (const f of [`${D}/databases`, '/etc/cron.d/sendmail', `${D}/submit.cf`, `${D}/access.db`, `${D}/aliases.db`]) {
        this.out(`rm -f ${f};\n`);
        this.rm(f);
      }
      return;
    }
    const file = SUBMAKE[target];
    if (file !== undefined) {
      if (target === 'makefile' || target === 'make' || target === 'update_mk') this.touch(`${D}/databases`);
      else this.rm(file);
      await this.submake(file, printDir);
      return;
    }
    const name = target.startsWith('/') ? target : this.rules()[target] ? target : normalizePath(D, target);
    if (!this.rules()[name] && this.mtime(name) === null) {
      this.ctx.stderr.write(`${this.prefix()}: *** No rule to make target '${target}'.  Stop.\n`);
      throw new Stop();
    }
    this.ran = false;
    await this.update(name, null);
    if (!this.ran) this.out(this.rules()[name]?.phony ? `make: Nothing to be done for '${target}'.\n` : `make: '${target}' is up to date.\n`);
  }
}

function parseArgs(argv: readonly string[]): { dir?: string; file?: string; targets: string[]; bad?: string } {
  const targets: string[] = [];
  let dir: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-C' || a === '--directory') dir = argv[++i];
    else if (a.startsWith('-C')) dir = a.slice(2);
    else if (a.startsWith('--directory=')) dir = a.slice(12);
    else if (a === '-f' || a === '--file' || a === '--makefile') file = argv[++i];
    else if (a.startsWith('-f')) file = a.slice(2);
    else if (a === '-s' || a === '--silent' || a === '--quiet') continue;
    else if (a.startsWith('-')) return { targets, bad: a };
    else targets.push(a);
  }
  return { dir, file, targets };
}

export function makeCommand(w: WorldServices): Command {
  return {
    name: 'make',
    usage: 'make [-C DIR] [-f FILE] [TARGET]...',
    summary: "Update targets from a Makefile; in the lab, Debian's /etc/mail/Makefile (sendmail.cf, submit.cf, access.db, aliases.db).",
    manual:
      "make -C /etc/mail rebuilds what changed in /etc/mail: sendmail.cf from sendmail.mc (through m4), submit.cf, access.db, aliases.db, and says whether sendmail must reload. Targets: all (default), sendmail.cf, submit.cf, access, aliases, databases, clean, and the init script's start, stop, restart, reload, status.\n\nThe lab's make only knows Debian's /etc/mail/Makefile.",
    async run(ctx) {
      const args = parseArgs(ctx.argv.slice(1));
      if (args.bad !== undefined) {
        ctx.stderr.write(`make: the lab's make does not support ${args.bad}\n`);
        return 2;
      }
      let dir = ctx.cwd;
      if (args.dir !== undefined) {
        const d = normalizePath(ctx.cwd, args.dir);
        if (!ctx.vfs.isDir(d)) {
          ctx.stderr.write(`make: *** ${args.dir}: ${ctx.vfs.exists(d) ? 'Not a directory' : 'No such file or directory'}.  Stop.\n`);
          return 2;
        }
        dir = d;
      }
      const printDir = args.dir !== undefined;
      if (printDir) ctx.stdout.write(`make: Entering directory '${dir}'\n`);
      let status = 0;
      try {
        const candidates = args.file !== undefined ? [args.file] : ['GNUmakefile', 'makefile', 'Makefile'];
        const mk = candidates.map((f) => normalizePath(dir, f)).find((p) => ctx.vfs.exists(p));
        if (mk === undefined) {
          if (args.file !== undefined) ctx.stderr.write(`make: ${args.file}: No such file or directory\nmake: *** No rule to make target '${args.file}'.  Stop.\n`);
          else if (args.targets.length === 0) ctx.stderr.write('make: *** No targets specified and no makefile found.  Stop.\n');
          else ctx.stderr.write(`make: *** No rule to make target '${args.targets[0]}'.  Stop.\n`);
          status = 2;
        } else if (!ctx.vfs.readText(mk).includes('Makefile for Sendmail databases')) {
          ctx.stderr.write(`make: ${mk}: the lab's make only runs Debian's /etc/mail/Makefile\n`);
          status = 2;
        } else {
          const debian = new DebianMakefile(ctx, w, 0);
          // make remakes its makefile first when a rule names it as it was read (-f /etc/mail/Makefile,
          // or /etc/mail/Makefile run as a script); `make -C /etc/mail` reads `Makefile`, which no rule names
          if (args.file !== undefined && normalizePath(dir, args.file) === '/etc/mail/Makefile' && args.file.startsWith('/')) await debian.remakeMakefile();
          for (const t of args.targets.length > 0 ? args.targets : ['all']) await debian.goal(t, printDir);
        }
      } catch (e) {
        if (!(e instanceof Stop)) throw e;
        status = 2;
      }
      if (printDir) ctx.stdout.write(`make: Leaving directory '${dir}'\n`);
      return status;
    },
  };
}
