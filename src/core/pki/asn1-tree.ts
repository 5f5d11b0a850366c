/**
 * DER → a tree of ASN.1 nodes with the offsets, header lengths, tag names and
 * values `openssl asn1parse -i` prints (crypto/asn1/asn1_parse.c and
 * ASN1_get_object in asn1_lib.c of OpenSSL 3.0, including their quirks: a
 * long-form length needs one content byte after it, EOC at depth 0 ends the
 * parse, indefinite lengths read to the end of the input). Never throws:
 * malformed input ends the tree with OpenSSL's "Error in encoding" and the
 * reason it pushed on its error stack.
 */
import { OID_NAMES } from './asn1-tree-oids.ts';

export type Asn1Class = 'universal' | 'application' | 'context' | 'private';

export interface Asn1Node {
  offset: number;
  depth: number;
  headerLength: number;
  /** Content length; -1 for an indefinite length (`l=inf`). */
  length: number;
  constructed: boolean;
  tagClass: Asn1Class;
  tag: number;
  /** As asn1parse prints it: SEQUENCE, INTEGER, cont [ 0 ], <ASN1 34>, ... */
  name: string;
  /** The text asn1parse prints after the name without its leading ':' (undefined: nothing printed). */
  value?: string;
  /** OCTET STRING not printable: value is `[HEX DUMP]:...`, printed without the ':'. */
  hexDump?: boolean;
  /** For OBJECT: the dotted OID. */
  oid?: string;
  children: Asn1Node[];
}

export interface Asn1Error {
  offset: number;
  /** ASN1_get_object's reason: 'too long' (length beyond the input) or 'header too long'. */
  reason: 'too long' | 'header too long';
}

export interface Asn1Tree {
  /** Every node in asn1parse's order (depth first), and the top-level ones. */
  lines: Asn1Node[];
  roots: Asn1Node[];
  error?: Asn1Error;
}

const TAG_NAMES = [
  'EOC', 'BOOLEAN', 'INTEGER', 'BIT STRING', 'OCTET STRING', 'NULL', 'OBJECT', 'OBJECT DESCRIPTOR', 'EXTERNAL', 'REAL', 'ENUMERATED',
  '<ASN1 11>', 'UTF8STRING', 'RELATIVE OID', '<ASN1 14>', '<ASN1 15>', 'SEQUENCE', 'SET', 'NUMERICSTRING', 'PRINTABLESTRING', 'T61STRING',
  'VIDEOTEXSTRING', 'IA5STRING', 'UTCTIME', 'GENERALIZEDTIME', 'GRAPHICSTRING', 'VISIBLESTRING', 'GENERALSTRING', 'UNIVERSALSTRING', '<ASN1 29>', 'BMPSTRING',
];
const RAW_TEXT = new Set([19, 20, 22, 26, 18, 12, 23, 24]);
const CLASSES: Asn1Class[] = ['universal', 'application', 'context', 'private'];

const hexUpper = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');
const latin1 = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};

interface Header {
  constructed: boolean;
  cls: number;
  tag: number;
  inf: boolean;
  length: number;
  hl: number;
}

/** ASN1_get_object: null for "header too long". */
function getObject(d: Uint8Array, p: number, max: number): Header | null {
  const start = p;
  if (max <= 0) return null;
  const first = d[p];
  const constructed = (first & 0x20) !== 0;
  const cls = first >> 6;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    p++;
    if (--max === 0) return null;
    let l = 0;
    while (d[p] & 0x80) {
      l = l * 128 + (d[p++] & 0x7f);
      if (--max === 0) return null;
      if (l > 0x7fffffff >> 7) return null;
    }
    l = l * 128 + (d[p++] & 0x7f);
    tag = l;
    if (--max === 0) return null;
  } else {
    p++;
    if (--max === 0) return null;
  }
  // asn1_get_length
  if (max-- < 1) return null;
  let inf = false;
  let length = 0;
  if (d[p] === 0x80) {
    inf = true;
    p++;
  } else {
    let i = d[p] & 0x7f;
    if (d[p++] & 0x80) {
      if (max < i + 1) return null;
      while (i > 0 && d[p] === 0) {
        p++;
        i--;
      }
      if (i > 8) return null;
      let v = 0n;
      while (i > 0) {
        v = (v << 8n) | BigInt(d[p++]);
        i--;
      }
      if (v > 0x7fffffffffffffffn) return null;
      length = v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
    } else {
      length = i;
    }
  }
  if (inf && !constructed) return null;
  const hl = p - start;
  return { constructed, cls, tag, inf, length, hl };
}

function nameOf(cls: number, tag: number): string {
  if (cls === 3) return `priv [ ${tag} ]`;
  if (cls === 2) return `cont [ ${tag} ]`;
  if (cls === 1) return `appl [ ${tag} ]`;
  if (tag > 30) return `<ASN1 ${tag}>`;
  return TAG_NAMES[tag];
}

/** The dotted form of OBJECT contents; null when they are not a valid OID (c2i_ASN1_OBJECT). */
export function oidText(c: Uint8Array): string | null {
  if (c.length === 0 || c[c.length - 1] & 0x80) return null;
  const arcs: bigint[] = [];
  let v = 0n;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === 0x80 && (i === 0 || !(c[i - 1] & 0x80))) return null;
    v = (v << 7n) | BigInt(c[i] & 0x7f);
    if (!(c[i] & 0x80)) {
      arcs.push(v);
      v = 0n;
    }
  }
  const f = arcs[0];
  const head = f < 40n ? [0n, f] : f < 80n ? [1n, f - 40n] : [2n, f - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

function intText(c: Uint8Array, what: string): string {
  const bad = `BAD ${what}:[${hexUpper(c)}]`;
  if (c.length === 0) return bad;
  const neg = (c[0] & 0x80) !== 0;
  if (c.length > 1) {
    let pad = 0;
    if (c[0] === 0) pad = 1;
    else if (c[0] === 0xff) pad = c.subarray(1).some((x) => x !== 0) ? 1 : 0;
    if (pad && neg === ((c[1] & 0x80) !== 0)) return bad;
  }
  if (!neg) {
    const mag = c[0] === 0 && c.length > 1 ? c.subarray(1) : c;
    return hexUpper(mag);
  }
  let u = 0n;
  for (const x of c) u = (u << 8n) | BigInt(x);
  const m = (1n << BigInt(8 * c.length)) - u;
  let h = m.toString(16).toUpperCase();
  if (h.length % 2) h = '0' + h;
  return `-${h}`;
}

function primValue(tag: number, c: Uint8Array): { value?: string; oid?: string; hexDump?: boolean } {
  if (RAW_TEXT.has(tag)) return c.length > 0 ? { value: latin1(c) } : { value: '' };
  if (tag === 6) {
    const oid = oidText(c);
    if (oid === null) return { value: `BAD OBJECT:[${hexUpper(c)}]` };
    return { value: OID_NAMES[oid] ?? oid, oid };
  }
  if (tag === 1) {
    if (c.length !== 1) return { value: c.length === 0 ? 'BAD BOOLEAN:[]' : `BAD BOOLEAN:${c[0]}:[${hexUpper(c)}]` };
    return { value: String(c[0]) };
  }
  if (tag === 4) {
    if (c.length === 0) return {};
    const printable = c.every((x) => !((x < 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09) || x > 0x7e));
    return printable ? { value: latin1(c) } : { value: `[HEX DUMP]:${hexUpper(c)}`, hexDump: true };
  }
  if (tag === 2) return { value: intText(c, 'INTEGER') };
  if (tag === 10) return { value: intText(c, 'ENUMERATED') };
  return {};
}

/** Parses `der` as asn1parse does. Never throws. */
export function parseAsn1(der: Uint8Array): Asn1Tree {
  const tree: Asn1Tree = { lines: [], roots: [] };
  const d = der;
  // asn1_parse2: returns 0 on error, 2 after an EOC, 1 otherwise; `out` collects the nodes of this level.
  const parse2 = (pp: { p: number }, length: number, depth: number, out: Asn1Node[]): number => {
    let p = pp.p;
    const tot = p + length;
    let op = p - 1;
    let ret = 1;
    while (p < tot && op < p) {
      op = p;
      const h = getObject(d, p, tot - p);
      if (!h) {
        tree.error = { offset: op, reason: 'header too long' };
        pp.p = p;
        return 0;
      }
      p += h.hl;
      if (!h.inf && h.length > tot - p) {
        tree.error = { offset: op, reason: 'too long' };
        pp.p = p;
        return 0;
      }
      length -= h.hl;
      const node: Asn1Node = {
        offset: op,
        depth,
        headerLength: h.hl,
        length: h.inf ? -1 : h.length,
        constructed: h.constructed,
        tagClass: CLASSES[h.cls],
        tag: h.tag,
        name: nameOf(h.cls, h.tag),
        children: [],
      };
      tree.lines.push(node);
      out.push(node);
      let len = h.length;
      if (h.constructed) {
        const sp = p;
        if (h.inf) {
          for (;;) {
            const inner = { p };
            const r = parse2(inner, tot - p, depth + 1, node.children);
            p = inner.p;
            if (r === 0) {
              pp.p = p;
              return 0;
            }
            if (r === 2 || p >= tot) {
              len = p - sp;
              break;
            }
          }
        } else {
          const ep = p + len;
          let tmp = len;
          while (p < ep) {
            const s = p;
            const inner = { p };
            const r = parse2(inner, tmp, depth + 1, node.children);
            p = inner.p;
            if (r === 0) {
              pp.p = p;
              return 0;
            }
            tmp -= p - s;
          }
        }
      } else if (h.cls !== 0) {
        p += len;
      } else {
        const v = primValue(h.tag, d.subarray(p, p + len));
        if (v.value !== undefined) node.value = v.value;
        if (v.oid !== undefined) node.oid = v.oid;
        if (v.hexDump) node.hexDump = true;
        p += len;
        if (h.tag === 0) {
          ret = 2;
          break;
        }
      }
      length -= len;
    }
    pp.p = p;
    return ret;
  };
  if (d.length > 0) parse2({ p: 0 }, d.length, 0, tree.roots);
  return tree;
}

/** The stdout and stderr of `openssl asn1parse -i` (indent true) or without -i, and its exit status. */
export function asn1parseText(der: Uint8Array, indent = true, thread = '80EBD4DBF07F0000'): { out: string; err: string; rc: number } {
  if (der.length === 0) return { out: '', err: 'Error: offset out of range\n', rc: 1 };
  const t = parseAsn1(der);
  let out = '';
  for (const n of t.lines) {
    const l = n.length < 0 ? 'l=inf ' : `l=${String(n.length).padStart(4, ' ')}`;
    out += `${String(n.offset).padStart(5, ' ')}:d=${String(n.depth).padEnd(2, ' ')} hl=${n.headerLength} ${l} ${n.constructed ? 'cons' : 'prim'}: `;
    out += (indent ? ' '.repeat(n.depth) : '') + n.name.padEnd(18, ' ');
    if (n.value !== undefined) out += n.hexDump ? n.value : `:${n.value}`;
    out += '\n';
  }
  if (!t.error) return { out, err: '', rc: 0 };
  out += 'Error in encoding\n';
  const err =
    t.error.reason === 'too long'
      ? `${thread}:error:0680009B:asn1 encoding routines:ASN1_get_object:too long:../crypto/asn1/asn1_lib.c:95:\n`
      : `${thread}:error:0680007B:asn1 encoding routines:ASN1_get_object:header too long:../crypto/asn1/asn1_lib.c:105:\n`;
  return { out, err, rc: 1 };
}

/**
 * The first DER object of `der` when it is complete and well formed (what
 * d2i reads: trailing bytes are ignored), else null. A cheap gate before a
 * full certificate or CRL parse.
 */
export function firstObject(der: Uint8Array): Uint8Array | null {
  const t = parseAsn1(der);
  const r = t.roots[0];
  if (!r || r.length < 0) return null;
  const end = r.offset + r.headerLength + r.length;
  if (t.error && t.error.offset < end) return null;
  return der.subarray(0, end);
}
