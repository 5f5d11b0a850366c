/** The parts of an address as the rules see them after canonify: local part and domain. */

export interface ParsedAddress {
  readonly local: string;
  /** null when the address has no `@domain`. */
  readonly domain: string | null;
}

export function parseAddress(raw: string): ParsedAddress {
  let a = raw.trim();
  const lt = a.lastIndexOf('<');
  const gt = a.lastIndexOf('>');
  if (lt >= 0 && gt > lt) a = a.slice(lt + 1, gt).trim();
  a = a.replace(/\s+/g, '');
  const at = a.lastIndexOf('@');
  if (at < 0) return { local: a, domain: null };
  let domain = a.slice(at + 1);
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  return { local: a.slice(0, at), domain };
}
