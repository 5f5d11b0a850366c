/** How the policy rulesets' verdicts appear in Sendmail's log lines (test/fixtures/access-live/). */
import type { PolicyResult } from './types.ts';
/** The end of a `ruleset=...` log line: `reject=<reply>`, `discard` or `quarantine=<reason>`; null when nothing is logged. */
export function policyLogTail(r: PolicyResult): string | null {
  if (r.kind === 'error') return `reject=${r.reply}`;
  if (r.kind === 'discard') return 'discard';
  if (r.kind === 'quarantine') return `quarantine=${r.reason}`;
  return null;
}
