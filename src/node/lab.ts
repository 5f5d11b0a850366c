/**
 * `npm run lab -- [--world fresh|reference] [--seed N]`: the lab's shell in
 * this terminal, on the same core and the same line discipline as the
 * browser. With a terminal on stdin it is interactive (raw mode; Ctrl-D at
 * the prompt does what bash does, `exit` leaves). Otherwise stdin is a
 * script: each line is typed in turn when a program asks for one, and what
 * appears is exactly what the browser terminal would show (prompts, echoed
 * commands, output); at the end of the script the lab exits.
 */
import { createWorld, type WorldKind } from '../core/sim/index.ts';
import { LineDiscipline } from '../terminal/line-discipline.ts';
import { scriptTerminal } from '../terminal/script.ts';
import { nodeServices, option } from './platform.ts';

function fail(message: string): never {
  process.stderr.write(`lab: ${message}\nusage: npm run lab -- [--world fresh|reference] [--seed N]\n`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const worldArg = option(argv, 'world') ?? 'reference';
  if (worldArg !== 'fresh' && worldArg !== 'reference') fail(`unknown world '${worldArg}'`);
  const seedArg = option(argv, 'seed');
  if (seedArg !== null && !/^\d+$/.test(seedArg)) fail(`--seed takes a whole number, not '${seedArg}'`);
  const services = nodeServices(seedArg === null ? null : Number(seedArg));
  const world = await createWorld({ kind: worldArg as WorldKind, ...services });

  if (process.stdin.isTTY) {
    const ld = new LineDiscipline({ onOutput: (t) => process.stdout.write(t), columns: process.stdout.columns ?? 80, newline: '\r\n' });
    process.stdout.on('resize', () => (ld.columns = process.stdout.columns ?? 80));
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => ld.input(d));
    await world.runTerminal(ld);
    process.stdin.setRawMode(false);
    process.exit(0);
  }

  const text = await readStdin();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const ld = new LineDiscipline({ onOutput: (t) => process.stdout.write(t), newline: '\n' });
  const done = new Promise<void>((resolve) => {
    void world.runTerminal(scriptTerminal(ld, lines, resolve)).then(resolve);
  });
  await done;
  process.stdout.write('', () => process.exit(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`lab: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
