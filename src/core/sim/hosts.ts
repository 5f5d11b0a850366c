/**
 * Name resolution from the world's /etc/hosts (the worlds have no DNS, like
 * the reference kit). Sendmail names a client by the first name of the first
 * line that carries its address (127.0.0.1 -> localhost); getaddrinfo gives a
 * name's IPv6 addresses before its IPv4 ones (telnet tries ::1 first).
 */
import type { Vfs } from '../vfs/index.ts';

export interface HostLine {
  addr: string;
  names: string[];
}

export function parseHosts(text: string): HostLine[] {
  const out: HostLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, ...names] = line.split(/\s+/);
    if (names.length > 0) out.push({ addr, names });
  }
  return out;
}

export function readHosts(vfs: Vfs): HostLine[] {
  try {
    return parseHosts(vfs.readText('/etc/hosts'));
  } catch {
    return [];
  }
}

const isV6 = (a: string): boolean => a.includes(':');
export const isIpLiteral = (s: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:]+$/.test(s));

/** Every address of `name` (case-insensitive), IPv6 first, in file order. */
export function resolveName(hosts: HostLine[], name: string): string[] {
  if (isIpLiteral(name)) return [name];
  const want = name.toLowerCase();
  const found: string[] = [];
  for (const h of hosts) {
    if (h.names.some((n) => n.toLowerCase() === want) && !found.includes(h.addr)) found.push(h.addr);
  }
  return [...found.filter(isV6), ...found.filter((a) => !isV6(a))];
}

/** The name Sendmail gives an address: the first name on its first line; null if none. */
export function nameOf(hosts: HostLine[], addr: string): string | null {
  for (const h of hosts) if (h.addr === addr) return h.names[0];
  return null;
}

/** The canonical name getaddrinfo reports for `name` (the first name of the line that matched). */
export function canonicalName(hosts: HostLine[], name: string): string {
  const want = name.toLowerCase();
  for (const h of hosts) if (h.names.some((n) => n.toLowerCase() === want)) return h.names[0];
  return name;
}
