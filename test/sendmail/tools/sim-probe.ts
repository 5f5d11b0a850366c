/**
 * The simulator's side of probe.py: same arguments, same output format, so that
 *   diff <(probe.py ARGS) <(npx tsx test/sendmail/tools/sim-probe.ts ARGS)
 * shows where the engine and the real daemon differ (dates and queue ids aside).
 */
import { SmtpServer, referenceConfig } from '../../../src/core/smtp/index.ts';
import { REFERENCE_PEERS, TestSmtpEnv } from '../../helpers/smtp-env.ts';

const args = process.argv.slice(2);
let src = '127.0.0.1';
if (args[0] === '--src') {
  src = args[1];
  args.splice(0, 2);
}
const unescape = (s: string): string =>
  s.replace(/\\(x[0-9a-fA-F]{2}|r|n|t|\\|0)/g, (_m, e: string) =>
    e === 'r' ? '\r' : e === 'n' ? '\n' : e === 't' ? '\t' : e === '\\' ? '\\' : e === '0' ? '\0' : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
const repr = (s: string): string =>
  "b'" + [...s].map((c) => (c === '\r' ? '\\r' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === "'" ? "\\'" : c === '\\' ? '\\\\' : c.charCodeAt(0) < 32 || c.charCodeAt(0) > 126 ? '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0') : c)).join('') + "'";
const env = new TestSmtpEnv();
const server = new SmtpServer({ config: referenceConfig(), env, peer: REFERENCE_PEERS[src], conn: 1 });
server.start();
const drain = (): string => String.fromCharCode(...server.drainOutput()) + (server.closed ? '<EOF>' : '');
let closedShown = false;
const show = (): void => {
  let out = String.fromCharCode(...server.drainOutput());
  if (server.closed && !closedShown) {
    out += '<EOF>';
    closedShown = true;
  }
  console.log('S:', repr(out));
};
show();
for (const a of args) {
  if (a === '@wait') {
    show();
    continue;
  }
  if (a === '@close') {
    server.clientClosed();
    show();
    continue;
  }
  let data = unescape(a);
  const rep = /^@rep(\d+):([\s\S]*)$/.exec(data);
  if (rep) data = rep[2].repeat(Number(rep[1]));
  if (server.closed) {
    console.log('C: <send failed>');
    break;
  }
  server.receive(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff));
  console.log('C:', repr(data.slice(0, 200)) + (data.length > 200 ? `...(${data.length} bytes)` : ''));
  show();
}
void drain;
for (const l of env.logs) console.log('L:', l);
