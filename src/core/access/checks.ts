import type { Decision } from './decision.ts';
import { simple } from './decision.ts';
import type { Env } from './tls-rulesets.ts';
export function checkRelay(env: Env, name: string, addr: string): Decision {
  void env; void name; void addr;
  return simple('check_relay', 'ok', ['OK'], [], 'todo');
}
export function checkMail(env: Env, a: string): Decision {
  void env; void a;
  return simple('check_mail', 'ok', ['OK'], [], 'todo');
}
export function checkRcpt(env: Env, a: string): Decision {
  void env; void a;
  return simple('check_rcpt', 'ok', ['OK'], [], 'todo');
}
