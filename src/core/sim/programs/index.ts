/** The world's own programs, added to the shell's command registry. */
import type { Command } from '../../shell/types.ts';
import type { Mta } from '../mta.ts';
import type { WorldServices } from '../services.ts';
import { sendmail, newaliasesRun, mailqRun } from './sendmail.ts';
import { telnet } from './telnet.ts';
import { initScripts } from './init-script.ts';
import { makemap } from './makemap.ts';
import { m4Command } from './m4.ts';
import { makeCommand } from './make.ts';
import { opensslCommand } from './openssl.ts';
import { pkiPrograms } from './pki-programs.ts';
import { tlsPrograms } from './tls-programs.ts';

export function worldPrograms(w: WorldServices & { mta: Mta }): [string, Command][] {
  const list: Command[] = [
    sendmail(w, w.mta),
    telnet(w),
    {
      name: 'newaliases',
      path: '/usr/bin/newaliases',
      usage: 'newaliases',
      summary: 'Rebuild the alias database /etc/mail/aliases.db from /etc/mail/aliases.',
      run: async (ctx) => newaliasesRun(ctx, w),
    },
    {
      name: 'mailq',
      path: '/usr/bin/mailq',
      usage: 'mailq',
      summary: 'List the messages waiting in the mail queue.',
      run: async (ctx) => mailqRun(ctx, w),
    },
    ...initScripts(w.mta),
    makemap,
    m4Command(),
    makeCommand(w),
    opensslCommand(w),
    ...pkiPrograms(w),
    ...tlsPrograms(w),
  ];
  return list.map((c) => [c.name, c]);
}
