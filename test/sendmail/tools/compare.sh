#!/bin/bash
# compare.sh PACKET...: the same packets to the real daemon (probe.py, in the private namespace)
# and to the engine (sim-probe.ts); prints a diff with dates, queue ids, pids and times masked.
KIT=${KIT:-/work/shared/reference/real-sendmail}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
norm() { sed -E -e 's/[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} GMT/<DATE>/g' \
  -e 's/[0-9A-Za-z]{8}[0-9]{6}/<QID>/g' -e 's/^L: <([0-9]+)>[A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} ([a-z-]+)\[[0-9]+\]/L: <\1><TIME> \2[<PID>]/' \
  -e 's/^L: <([0-9]+)><TIME> ([a-z-]+)\[<PID>\]/L: <\1><TIME> \2[<PID>]/' -e 's/delay=[0-9:]+/delay=<D>/g' -e 's/pri=[0-9]+/pri=<P>/g' ; }
diff <(cd "$KIT" && STATE=/tmp/smtp-eng ./ns.sh exec python3 "$ROOT/test/sendmail/tools/probe.py" "$@" 2>&1 | norm) \
     <(cd "$ROOT" && npx tsx test/sendmail/tools/sim-probe.ts "$@" 2>&1 | norm) && echo SAME
