/**
 * The registry of the shell's own commands (coreutils, grep, procps, man and
 * bash builtins). core/sim adds the world's programs (sendmail, telnet,
 * mailq, newaliases, ...) to the map it gets from coreCommands().
 */
import type { Command } from '../types.ts';
import { cat } from './cat.ts';
import { cd } from './cd.ts';
import { chmod } from './chmod.ts';
import { chown } from './chown.ts';
import { clear } from './clear.ts';
import { cp } from './cp.ts';
import { date } from './date.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { exit, logout } from './exit.ts';
import { exportCommand } from './export.ts';
import { falseCommand } from './false.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { hostname } from './hostname.ts';
import { id } from './id.ts';
import { kill } from './kill.ts';
import { ls } from './ls.ts';
import { man } from './man.ts';
import { mkdir } from './mkdir.ts';
import { mv } from './mv.ts';
import { ps } from './ps.ts';
import { pwd } from './pwd.ts';
import { rm } from './rm.ts';
import { rmdir } from './rmdir.ts';
import { tail } from './tail.ts';
import { bracket, testCommand } from './test.ts';
import { touch } from './touch.ts';
import { colon, trueCommand } from './true.ts';
import { type } from './type.ts';
import { umask } from './umask.ts';
import { unset } from './unset.ts';
import { wc } from './wc.ts';
import { whoami } from './whoami.ts';
import { which } from './which.ts';

export const CORE_COMMANDS: readonly Command[] = [
  bracket, colon, cat, cd, chmod, chown, clear, cp, date, echo, env, exit, exportCommand, falseCommand, grep, head, help, history,
  hostname, id, kill, logout, ls, man, mkdir, mv, ps, pwd, rm, rmdir, tail, testCommand, touch, trueCommand, type, umask, unset, wc, which, whoami,
];

/** A fresh map name -> command of the core commands. */
export function coreCommands(): Map<string, Command> {
  return new Map(CORE_COMMANDS.map((c) => [c.name, c]));
}
