/**
 * The questions of `openssl req`: the Distinguished Name fields of the
 * config's distinguished_name section (prompt, _default, _min, _max) and the
 * 'extra' attributes, read from standard input as OpenSSL reads them with
 * fgets (the terminal shows the answers as typed). Texts captured from
 * OpenSSL 3.0 (test/fixtures/pki/ca-pl/).
 */
import type { CommandContext } from '../../shell/types.ts';
import type { Cnf } from '../../pki/cnf.ts';
import { attrByName, type Dn } from '../../pki/names.ts';

const BANNER =
  'You are about to be asked to enter information that will be incorporated\n' +
  'into your certificate request.\n' +
  'What you are about to enter is what is called a Distinguished Name or a DN.\n' +
  'There are quite a few fields but you can leave some blank\n' +
  'For some fields there will be a default value,\n' +
  "If you enter '.', the field will be left blank.\n" +
  '-----\n';

async function ask(ctx: CommandContext, prompt: string): Promise<string | null> {
  if (ctx.stdin.isTerminal) return ctx.stdin.readLine({ prompt });
  ctx.stderr.write(prompt);
  return ctx.stdin.readLine();
}

interface Question {
  field: string;
  prompt: string;
  def: string;
  min: number;
  max: number;
}

function questions(section: Map<string, string> | undefined): Question[] {
  const out: Question[] = [];
  for (const [k, v] of section ?? []) {
    if (/_(default|min|max|value)$/.test(k)) continue;
    out.push({
      field: k.replace(/^\d+\./, ''),
      prompt: v,
      def: section!.get(`${k}_default`) ?? '',
      min: Number(section!.get(`${k}_min`) ?? 0),
      max: Number(section!.get(`${k}_max`) ?? 0),
    });
  }
  return out;
}

async function answer(ctx: CommandContext, q: Question): Promise<string | null> {
  for (;;) {
    const line = await ask(ctx, `${q.prompt} [${q.def}]:`);
    if (line === null) return null;
    const v = line === '' ? q.def : line === '.' ? '' : line;
    if (v !== '' && q.min && v.length < q.min) {
      ctx.stderr.write(`String too short, must be at least ${q.min} bytes long\n`);
      continue;
    }
    if (v !== '' && q.max && v.length > q.max) {
      ctx.stderr.write(`String too long, must be at most ${q.max} bytes long\n`);
      continue;
    }
    return v;
  }
}

/** Asks the DN (and, for a request, the attributes); null at end of input. */
export async function promptDn(ctx: CommandContext, cnf: Cnf, withAttributes: boolean): Promise<Dn | null> {
  const req = cnf.get('req');
  const dnSection = cnf.get(req?.get('distinguished_name') ?? 'req_distinguished_name');
  ctx.stderr.write(BANNER);
  const dn: Dn = [];
  for (const q of questions(dnSection)) {
    const v = await answer(ctx, q);
    if (v === null) return null;
    const a = attrByName(q.field);
    if (v !== '' && a) dn.push({ short: a.short, value: v });
  }
  if (withAttributes) {
    const attrs = questions(cnf.get(req?.get('attributes') ?? 'req_attributes'));
    if (attrs.length) {
      ctx.stderr.write("\nPlease enter the following 'extra' attributes\nto be sent with your certificate request\n");
      // SIMPLIFIED: the answers are asked as OpenSSL asks them but not put in the request.
      for (const q of attrs) if ((await answer(ctx, q)) === null) return null;
    }
  }
  return dn;
}
