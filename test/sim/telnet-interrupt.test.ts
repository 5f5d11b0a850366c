// Ctrl-C in telnet: a deliberate difference from the real client, said on screen.
import { expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createWorld } from '../../src/core/sim/index.ts';
import { seededRandom, steppingClock } from '../../src/core/trace/index.ts';
import { LineDiscipline } from '../../src/terminal/line-discipline.ts';
import { LAB_NOTE_CTRL_C } from '../../src/core/sim/programs/telnet.ts';

it('Ctrl-C closes the telnet session and the lab says how the real one differs', async () => {
  const w = await createWorld({ kind: 'fresh', clock: steppingClock(Date.UTC(2026, 10, 28, 12), 1), random: seededRandom(1), subtle: webcrypto.subtle as unknown as SubtleCrypto });
  let screen = '';
  const ld = new LineDiscipline({ onOutput: (t) => (screen += t), newline: '\n' });
  const done = w.runTerminal(ld);
  ld.input('sendmail -bd\rtelnet 127.0.0.1 25\r');
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  ld.input('\x03');
  ld.input('echo "exit=$?"\rexit\r');
  await done;
  expect(screen).toContain(`Escape character is '^]'.\n220 mail.example.test ESMTP`);
  expect(screen).toContain(`^C\nConnection closed.\n${LAB_NOTE_CTRL_C}root@mail:~# echo "exit=$?"\nexit=130\n`);
});
