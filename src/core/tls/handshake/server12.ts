/**
 * The TLS 1.2 server (RFC 5246 §7.3) for ECDHE with AES-GCM, one class per state:
 * ClientHello -> ServerHello, Certificate, ServerKeyExchange, [CertificateRequest], ServerHelloDone
 *   -> ExpectCertificate? -> ExpectClientKeyExchange -> ExpectCertificateVerify? -> ExpectChangeCipherSpec
 *   -> ExpectFinished -> ChangeCipherSpec, Finished -> Traffic.
 * With the extended master secret (RFC 7627) and renegotiation_info (RFC 5746).
 */
import { concat } from '../../bytes/index.ts';
import { alertError } from '../alerts.ts';
import type { KeyShare } from '../crypto-provider.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import { type Extension, ExtensionType, ext, findExtension } from '../codec/extensions.ts';
import { type ClientHello, writeServerHello } from '../codec/hello.ts';
import { readCertificateVerify } from '../codec/messages13.ts';
import { readCertificate12, readClientKeyExchange, writeCertificate12, writeCertificateRequest12, writeEcdheParams, writeNewSessionTicket12, writeServerKeyExchange } from '../codec/messages12.ts';
import { certificatePublicKey } from '../codec/spki.ts';
import { extendedMasterSecret, finishedVerifyData12, keyBlock, masterSecret } from '../prf.ts';
import { RecordProtection12Gcm } from '../record/protection12.ts';
import {
  type CipherSuite12, GROUP_PREFERENCE, type GroupName, ProtocolVersion, SERVER_PREFERENCE_12, SIGNATURE_SCHEMES, type SignatureScheme,
  groupByName, schemesForKey12,
} from '../suites.ts';
import { decodeBody, expectType, received } from './common13.ts';
import { DOWNGRADE_TLS12 } from './common12.ts';
import { OPENSSL_CERTIFICATE_TYPES12, OPENSSL_REQUESTED_SCHEMES12, type ServerConfig } from './config.ts';
import type { Context, State } from './context.ts';
import { State12, Traffic12, verifyPeerFinished12 } from './common12.ts';


interface Session {
  readonly config: ServerConfig;
  readonly suite: CipherSuite12;
  readonly clientRandom: Uint8Array;
  readonly serverRandom: Uint8Array;
  readonly own: KeyShare;
  readonly group: GroupName;
  readonly scheme: SignatureScheme;
  readonly ems: boolean;
  readonly serverName?: string;
  readonly peerChain: readonly Uint8Array[];
  readonly master?: Uint8Array;
  /** RFC 5077: a NewSessionTicket is due before our ChangeCipherSpec. */
  readonly ticket: boolean;
}

/** Answer a ClientHello that does not offer TLS 1.3 (or when the server stops at 1.2). */
export async function serverHello12(cx: Context, config: ServerConfig, ch: ClientHello, msg: HandshakeMessage, tls13Capable: boolean): Promise<State> {
  if (ch.legacyVersion < ProtocolVersion.TLS12) throw alertError('protocol_version', 'client offers neither TLS 1.3 nor TLS 1.2');
  if (!ch.compressionMethods.includes(0)) throw alertError('illegal_parameter', 'no null compression');
  const exts = ch.extensions;
  const kind = config.certified.key.kind;
  const auth = kind === 'rsa' ? 'rsa' : 'ecdsa';
  const suite = SERVER_PREFERENCE_12.find((s) => s.auth === auth && ch.cipherSuites.includes(s.id));
  if (!suite) throw alertError('handshake_failure', 'no shared cipher suite');

  // RFC 8422 §5.1: without supported_groups the client takes what the server likes.
  const sg = findExtension(exts, ExtensionType.supported_groups);
  const clientGroups = sg ? decodeBody({ ...msg, body: sg }, (r) => ext.decodeGroups(r.rest())) : [0x0017];
  const ours = config.groups ?? GROUP_PREFERENCE;
  const group = ours.find((g) => clientGroups.includes(groupByName(g).id));
  if (!group) throw alertError('handshake_failure', 'no shared group');

  // RFC 5246 §7.4.1.4.1: without signature_algorithms, {sha1, rsa/ecdsa} is assumed; we need SHA-256 or better.
  const sa = findExtension(exts, ExtensionType.signature_algorithms);
  const clientSchemes = sa ? decodeBody({ ...msg, body: sa }, (r) => ext.decodeSchemes(r.rest())) : [];
  const schemeId = schemesForKey12(kind).find((id) => clientSchemes.includes(id));
  if (schemeId === undefined) throw alertError('handshake_failure', 'no signature scheme for our key');
  const scheme = SIGNATURE_SCHEMES.get(schemeId)!;

  const ems = findExtension(exts, ExtensionType.extended_master_secret) !== undefined;
  // RFC 5746 §3.6: the SCSV or an empty renegotiation_info asks for the extension back.
  const ri = findExtension(exts, ExtensionType.renegotiation_info);
  if (ri && !(ri.length === 1 && ri[0] === 0)) throw alertError('handshake_failure', 'renegotiation_info not empty on an initial handshake');
  const secureRenegotiation = ri !== undefined || ch.cipherSuites.includes(0x00ff);

  cx.transcript.setHash(suite.hash);
  await received(cx, msg);
  const serverRandom = cx.random.bytes(32);
  if (tls13Capable) serverRandom.set(DOWNGRADE_TLS12, 24);
  // ServerHello extensions in OpenSSL's order: renegotiation_info, ec_point_formats, extended_master_secret.
  const shExts: Extension[] = [];
  if (secureRenegotiation) shExts.push({ type: ExtensionType.renegotiation_info, data: Uint8Array.of(0) });
  if (findExtension(exts, ExtensionType.ec_point_formats)) shExts.push({ type: ExtensionType.ec_point_formats, data: Uint8Array.of(3, 0, 1, 2) });
  // RFC 5077 §3.2: an empty session_ticket acknowledges the client's (OpenSSL puts it before extended_master_secret).
  const ticket = config.sessionTickets?.ticketLength12 !== undefined && findExtension(exts, ExtensionType.session_ticket) !== undefined;
  if (ticket) shExts.push({ type: ExtensionType.session_ticket, data: new Uint8Array(0) });
  if (ems) shExts.push({ type: ExtensionType.extended_master_secret, data: new Uint8Array(0) });
  const sessionId = config.sessionCache === false ? new Uint8Array(0) : cx.random.bytes(32);
  await cx.sendHandshake(HandshakeType.server_hello, writeServerHello({
    legacyVersion: ProtocolVersion.TLS12, random: serverRandom, sessionIdEcho: sessionId, cipherSuite: suite.id, compressionMethod: 0, extensions: shExts,
  }));
  await cx.sendHandshake(HandshakeType.certificate, writeCertificate12(config.certified.chain));

  // RFC 8422 §5.4: ServerKeyExchange signs client_random + server_random + params.
  const own = await cx.provider.generateKeyShare(group, cx.random);
  const params = writeEcdheParams({ group: groupByName(group).id, publicKey: own.publicKey });
  const signature = await cx.provider.sign(scheme.alg, config.certified.key, concat([ch.random, serverRandom, params]), cx.random);
  await cx.sendHandshake(HandshakeType.server_key_exchange, writeServerKeyExchange(params, schemeId, signature));
  if (config.requestClientCertificate) {
    // §7.4.4: the certificate types and schemes OpenSSL's server asks for; the CA names.
    await cx.sendHandshake(HandshakeType.certificate_request, writeCertificateRequest12({
      certificateTypes: OPENSSL_CERTIFICATE_TYPES12, schemes: OPENSSL_REQUESTED_SCHEMES12, authorities: config.certificateAuthorities ?? [],
    }));
  }
  await cx.sendHandshake(HandshakeType.server_hello_done, new Uint8Array(0));
  await cx.flush();
  const session: Session = {
    config, suite, clientRandom: ch.random, serverRandom, own, group, scheme, ems, peerChain: [], ticket,
    serverName: (() => {
      const sn = findExtension(exts, ExtensionType.server_name);
      return sn ? decodeBody({ ...msg, body: sn }, (r) => ext.decodeServerName(r.rest())) : undefined;
    })(),
  };
  return config.requestClientCertificate ? new ExpectCertificate(session) : new ExpectClientKeyExchange(session);
}

class ExpectCertificate extends State12 {
  readonly name = 'ExpectCertificate';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate);
    const chain = decodeBody(msg, readCertificate12);
    if (chain.length && this.s.config.verifyClient) {
      const verdict = await this.s.config.verifyClient(chain, undefined);
      if (!verdict.ok) throw alertError(verdict.alert, verdict.reason);
    }
    await received(cx, msg);
    return new ExpectClientKeyExchange({ ...this.s, peerChain: chain });
  }
}

class ExpectClientKeyExchange extends State12 {
  readonly name = 'ExpectClientKeyExchange';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.client_key_exchange);
    const s = this.s;
    const peer = decodeBody(msg, readClientKeyExchange);
    if (peer.length !== groupByName(s.group).keyShareLen) throw alertError('illegal_parameter', 'bad ECDH public key length');
    const pms = await cx.provider.ecdh(s.own, peer);
    if (!pms) throw alertError('illegal_parameter', 'invalid ECDH public key');
    cx.emit({ kind: 'tls.key-share', side: 'server', group: s.group, own: s.own, peer, shared: pms });
    await received(cx, msg);
    // RFC 7627 §4: session_hash = Hash(handshake messages up to and including ClientKeyExchange).
    let master: Uint8Array;
    if (s.ems) {
      const sessionHash = await cx.transcript.hash();
      cx.emit({ kind: 'tls.secret', side: 'server', name: 'sessionHash', value: sessionHash });
      master = await extendedMasterSecret(cx.provider, s.suite.hash, pms, sessionHash);
    } else master = await masterSecret(cx.provider, s.suite.hash, pms, s.clientRandom, s.serverRandom);
    cx.emit({ kind: 'tls.secret', side: 'server', name: 'preMasterSecret', value: pms });
    cx.emit({ kind: 'tls.secret', side: 'server', name: 'masterSecret', value: master });
    const next = { ...s, master };
    return s.peerChain.length ? new ExpectCertificateVerify(next) : new ExpectChangeCipherSpec(next);
  }
}

class ExpectCertificateVerify extends State12 {
  readonly name = 'ExpectCertificateVerify';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate_verify);
    const cv = decodeBody(msg, readCertificateVerify);
    const scheme = SIGNATURE_SCHEMES.get(cv.scheme);
    if (!scheme) throw alertError('illegal_parameter', 'unknown signature scheme');
    const { spki } = decodeBody({ ...msg, body: new Uint8Array(0) }, () => certificatePublicKey(this.s.peerChain[0]));
    // §7.4.8: the signature covers every handshake message so far.
    if (!(await cx.provider.verify(scheme.alg, spki, cv.signature, concat(cx.transcript.messages)))) throw alertError('decrypt_error', 'client CertificateVerify does not verify');
    await received(cx, msg);
    return new ExpectChangeCipherSpec(this.s);
  }
}

/** §6.3 key block for AEAD suites: no MAC keys, the keys, the 4-byte implicit nonces. */
function keysFor(cx: Context, s: Session) {
  return keyBlock(cx.provider, s.suite.hash, s.master!, s.clientRandom, s.serverRandom, { mac: 0, key: s.suite.keyLen, iv: 4 });
}

class ExpectChangeCipherSpec extends State12 {
  readonly name = 'ExpectChangeCipherSpec';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(_cx: Context, msg: HandshakeMessage): Promise<State> {
    throw alertError('unexpected_message', `got handshake message ${msg.type} before change_cipher_spec`);
  }

  override async handleChangeCipherSpec(cx: Context): Promise<State> {
    const kb = await keysFor(cx, this.s);
    cx.setProtection('read', new RecordProtection12Gcm(cx.provider, kb.clientKey, kb.clientIv), { secret: this.s.master!, key: kb.clientKey, iv: kb.clientIv });
    return new ExpectFinished(this.s);
  }
}

class ExpectFinished extends State12 {
  readonly name = 'ExpectFinished';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    const s = this.s;
    await verifyPeerFinished12(cx, msg, 'server', s.suite.hash, s.master!);
    const t = s.config.sessionTickets;
    if (s.ticket && t?.ticketLength12 !== undefined) {
      // RFC 5077 §3.3: opaque to us (we never resume), in the transcript before our Finished.
      await cx.sendHandshake(HandshakeType.new_session_ticket, writeNewSessionTicket12({ lifetimeHint: t.lifetime, ticket: cx.random.bytes(t.ticketLength12) }));
    }
    await cx.sendChangeCipherSpec();
    const kb = await keysFor(cx, s);
    cx.setProtection('write', new RecordProtection12Gcm(cx.provider, kb.serverKey, kb.serverIv, 0n, 0n), { secret: s.master!, key: kb.serverKey, iv: kb.serverIv });
    const sHash = await cx.transcript.hash();
    const verifyData = await finishedVerifyData12(cx.provider, s.suite.hash, s.master!, 'server', sHash);
    cx.emit({ kind: 'tls.finished', side: 'server', of: 'server', finishedKey: s.master!, transcriptHash: sHash, verifyData });
    await cx.sendHandshake(HandshakeType.finished, verifyData);
    await cx.flush();
    cx.complete({
      version: 'TLSv1.2', cipher: s.suite.openssl, cipherId: s.suite.id, bits: s.suite.bits, group: s.group, signatureScheme: s.scheme.name,
      peerCertificates: s.peerChain, serverName: s.serverName, helloRetry: false, extendedMasterSecret: s.ems,
    });
    return new Traffic12();
  }
}
