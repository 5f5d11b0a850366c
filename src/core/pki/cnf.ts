/**
 * openssl.cnf as OpenSSL's NCONF reads it: `[ section ]`, `name = value`,
 * `#` comments, `$var` / `${var}` / `$section::var` expansion, and the
 * values before any section in the default section. Only what req, ca and
 * x509 ask for. SIMPLIFIED: no .include, no line continuations.
 */
export type Cnf = Map<string, Map<string, string>>;

export function parseCnf(text: string): Cnf | { error: string; line: number } {
  const cnf: Cnf = new Map([['default', new Map()]]);
  let cur = cnf.get('default')!;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    let out = '';
    for (let j = 0; j < line.length; j++) {
      if (line[j] === '\\' && j + 1 < line.length) out += line[j] + line[++j];
      else if (line[j] === '#') break;
      else out += line[j];
    }
    line = out.trim();
    if (line === '') continue;
    const sec = /^\[\s*([^\]\s]+)\s*\]$/.exec(line);
    if (sec) {
      if (!cnf.has(sec[1])) cnf.set(sec[1], new Map());
      cur = cnf.get(sec[1])!;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) return { error: 'missing equal sign', line: i + 1 };
    const name = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    value = value.replace(/\$(\{([^}]+)\}|([A-Za-z0-9_]+(::[A-Za-z0-9_]+)?))/g, (_m, _a, braced: string | undefined, bare: string | undefined) => {
      const ref = braced ?? bare ?? '';
      const [s, v] = ref.includes('::') ? ref.split('::') : [null, ref];
      return (s ? cnf.get(s)?.get(v) : (cur.get(v) ?? cnf.get('default')!.get(v))) ?? '';
    });
    if (/^".*"$/.test(value)) value = value.slice(1, -1);
    cur.set(name, value);
  }
  return cnf;
}

export function cnfGet(cnf: Cnf, section: string, name: string): string | undefined {
  return cnf.get(section)?.get(name);
}
