/**
 * The registry of the shell's own commands (coreutils, procps and bash
 * builtins). core/sim adds the world's programs (sendmail, telnet, mailq,
 * newaliases, ...) to the map it gets from coreCommands().
 */
import type { Command } from '../types.ts';
import { cat } from './cat.ts';
import { cd } from './cd.ts';
import { echo } from './echo.ts';
import { exit, logout } from './exit.ts';
import { falseCommand } from './false.ts';
import { ls } from './ls.ts';
import { pwd } from './pwd.ts';
import { trueCommand } from './true.ts';

export const CORE_COMMANDS: readonly Command[] = [cat, cd, echo, exit, falseCommand, logout, ls, pwd, trueCommand];

/** A fresh map name -> command of the core commands. */
export function coreCommands(): Map<string, Command> {
  return new Map(CORE_COMMANDS.map((c) => [c.name, c]));
}
