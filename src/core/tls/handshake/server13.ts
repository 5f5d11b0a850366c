/**
 * The TLS 1.3 server (RFC 8446 §2, §4), one class per state:
 * ExpectClientHello -> [HelloRetryRequest -> ExpectClientHello]
 *   -> ExpectCertificate? -> ExpectCertificateVerify? -> ExpectFinished -> Traffic.
 */
import { concat, equalBytes } from '../../bytes/index.ts';
import { AlertDescription, TlsAlert, alertError } from '../alerts.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import { ExtensionType, type Extension, ext, findExtension } from '../codec/extensions.ts';
import { type ClientHello, HRR_RANDOM, readClientHello, writeServerHello } from '../codec/hello.ts';
import { readCertificate, readCertificateVerify, readFinished, writeCertificate, writeNewSessionTicket, writeCertificateRequest, writeCertificateVerify, writeEncryptedExtensions } from '../codec/messages13.ts';
import { certificatePublicKey } from '../codec/spki.ts';
import { EarlySecret, type MasterSecret, type TrafficKeys } from '../key-schedule.ts';
import {
  type CipherSuite13, GROUP_PREFERENCE, GROUPS, type GroupName, ProtocolVersion, SERVER_PREFERENCE_13, SIGNATURE_SCHEMES,
  type SignatureScheme, groupByName, schemesForKey,
} from '../suites.ts';
import { certificateVerifyContent, checkFinished, computeFinished, decodeBody, emitSecrets, expectType, received } from './common13.ts';
import { OPENSSL_REQUESTED_SCHEMES13, type ServerConfig, type TicketPolicy } from './config.ts';
import type { Context, State } from './context.ts';
import { Traffic } from './traffic13.ts';
import { serverHello12 } from './server12.ts';

/** What the first ClientHello fixed, carried across a HelloRetryRequest. */
interface Retry {
  readonly suite: CipherSuite13;
  readonly group: GroupName;
  readonly ch1: ClientHello;
}

export class ExpectClientHello implements State {
  readonly name = 'ExpectClientHello';

  constructor(
    private readonly config: ServerConfig,
    private readonly retry?: Retry,
    private readonly ccsSent = false,
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.client_hello);
    const ch = decodeBody(msg, readClientHello);
    const exts = ch.extensions;

    // §4.2.1: without supported_versions including 0x0304 the client is not offering TLS 1.3.
    const sv = findExtension(exts, ExtensionType.supported_versions);
    const versions = sv ? decodeOr(() => ext.decodeVersionsList(sv)) : [];
    const accept = this.config.versions ?? ['TLSv1.3', 'TLSv1.2'];
    if (!versions.includes(ProtocolVersion.TLS13) || !accept.includes('TLSv1.3')) {
      // §4.2.1 / RFC 5246: no TLS 1.3 on both sides; TLS 1.2 if the server takes it.
      const twelve = sv ? versions.includes(ProtocolVersion.TLS12) : ch.legacyVersion >= ProtocolVersion.TLS12;
      if (this.retry || !accept.includes('TLSv1.2') || !twelve) throw alertError('protocol_version', 'no protocol version in common');
      return serverHello12(cx, this.config, ch, msg, accept.includes('TLSv1.3'));
    }
    // §4.1.2: legacy_compression_methods must be exactly one null byte.
    if (ch.compressionMethods.length !== 1 || ch.compressionMethods[0] !== 0) throw alertError('illegal_parameter', 'compression methods not [null]');
    if (this.retry && !equalBytes(ch.sessionId, this.retry.ch1.sessionId)) throw alertError('illegal_parameter', 'second ClientHello changed legacy_session_id');

    // Cipher suite: the server's preference order (OpenSSL with SSL_OP_CIPHER_SERVER_PREFERENCE).
    const prefs = this.config.suites ?? SERVER_PREFERENCE_13;
    const suite = prefs.find((s) => ch.cipherSuites.includes(s.id));
    if (!suite) throw alertError('handshake_failure', 'no shared cipher suite');
    if (this.retry && suite !== this.retry.suite) throw alertError('illegal_parameter', 'second ClientHello changed the cipher suite');

    // §4.2.3 / §9.2: signature_algorithms, supported_groups and key_share are mandatory here.
    const sa = findExtension(exts, ExtensionType.signature_algorithms);
    const sg = findExtension(exts, ExtensionType.supported_groups);
    const ks = findExtension(exts, ExtensionType.key_share);
    if (!sa || !sg || !ks) throw alertError('missing_extension', 'signature_algorithms, supported_groups and key_share are required');
    const clientSchemes = decodeOr(() => ext.decodeSchemes(sa));
    const clientGroups = decodeOr(() => ext.decodeGroups(sg));
    const shares = decodeOr(() => ext.decodeClientShares(ks));
    const scheme = schemesForKey(this.config.certified.key.kind).find((id) => clientSchemes.includes(id));
    if (scheme === undefined) throw alertError('handshake_failure', 'no signature scheme for our key');
    const sigScheme = SIGNATURE_SCHEMES.get(scheme) as SignatureScheme;

    // §4.2.8: each share's group appears once and in supported_groups.
    const seen = new Set<number>();
    for (const s of shares) {
      if (seen.has(s.group) || !clientGroups.includes(s.group)) throw alertError('illegal_parameter', 'key share not matching supported_groups');
      seen.add(s.group);
    }
    const ours = this.config.groups ?? GROUP_PREFERENCE;
    // OpenSSL takes the client's first share in a group it supports.
    const share = shares.find((s) => GROUPS.has(s.group) && ours.includes(GROUPS.get(s.group)!.name));
    if (this.retry && (shares.length !== 1 || share?.group !== groupByName(this.retry.group).id)) {
      throw alertError('illegal_parameter', 'second ClientHello must carry one share, for the requested group');
    }

    cx.transcript.setHash(suite.hash);
    if (!share) {
      // §4.1.4: no usable share, but a common group: HelloRetryRequest for the first of ours the client supports.
      if (this.retry) throw alertError('illegal_parameter', 'no usable key share after HelloRetryRequest');
      const group = ours.find((g) => clientGroups.includes(groupByName(g).id));
      if (!group) throw alertError('handshake_failure', 'no suitable key share');
      await received(cx, msg);
      await cx.transcript.replaceWithMessageHash();
      await cx.sendHandshake(HandshakeType.server_hello, writeServerHello({
        legacyVersion: ProtocolVersion.TLS12, random: HRR_RANDOM, sessionIdEcho: ch.sessionId, cipherSuite: suite.id, compressionMethod: 0,
        extensions: [
          { type: ExtensionType.supported_versions, data: ext.encodeSelectedVersion(ProtocolVersion.TLS13) },
          { type: ExtensionType.key_share, data: ext.encodeSelectedGroup(groupByName(group).id) },
        ],
      }));
      await cx.flush();
      if (ch.sessionId.length > 0) await cx.sendChangeCipherSpec();
      return new ExpectClientHello(this.config, { suite, group, ch1: ch }, ch.sessionId.length > 0);
    }
    const group = GROUPS.get(share.group)!;
    if (share.keyExchange.length !== group.keyShareLen) throw alertError('illegal_parameter', `bad ${group.name} key share length`);
    await received(cx, msg);

    // §4.1.3 ServerHello: supported_versions then key_share, as OpenSSL orders them.
    const own = await cx.provider.generateKeyShare(group.name, cx.random);
    const shared = await cx.provider.ecdh(own, share.keyExchange);
    if (!shared) throw alertError('illegal_parameter', 'invalid key share');
    cx.emit({ kind: 'tls.key-share', side: 'server', group: group.name, own, peer: share.keyExchange, shared });
    await cx.sendHandshake(HandshakeType.server_hello, writeServerHello({
      legacyVersion: ProtocolVersion.TLS12, random: cx.random.bytes(32), sessionIdEcho: ch.sessionId, cipherSuite: suite.id, compressionMethod: 0,
      extensions: [
        { type: ExtensionType.supported_versions, data: ext.encodeSelectedVersion(ProtocolVersion.TLS13) },
        { type: ExtensionType.key_share, data: ext.encodeServerShare({ group: group.id, keyExchange: own.publicKey }) },
      ],
    }));
    await cx.flush();
    if (ch.sessionId.length > 0 && !this.ccsSent) await cx.sendChangeCipherSpec();

    // §7.1: Handshake Secret, then the handshake traffic keys over CH..SH.
    const hs = await (await EarlySecret.create(cx.provider, suite)).handshake(shared);
    const hsKeys = await hs.trafficSecrets(await cx.transcript.hash());
    emitSecrets(cx, hs);
    await cx.setWriteKeys(hsKeys.server, 'handshake');
    cx.setReadKeys(hsKeys.client, 'handshake');

    // §4.3.1 EncryptedExtensions; §4.3.2 CertificateRequest; §4.4.2 Certificate; §4.4.3 CertificateVerify; §4.4.4 Finished.
    const serverName = decodeServerName(exts);
    const eeExts: Extension[] = serverName !== undefined && this.config.acknowledgeServerName ? [{ type: ExtensionType.server_name, data: new Uint8Array(0) }] : [];
    await cx.sendHandshake(HandshakeType.encrypted_extensions, writeEncryptedExtensions(eeExts));
    const requestCert = this.config.requestClientCertificate ?? false;
    if (requestCert) {
      const crExts: Extension[] = [{ type: ExtensionType.signature_algorithms, data: ext.encodeSchemes(OPENSSL_REQUESTED_SCHEMES13) }];
      const cas = this.config.certificateAuthorities ?? [];
      if (cas.length) crExts.push({ type: ExtensionType.certificate_authorities, data: encodeDistinguishedNames(cas) });
      await cx.sendHandshake(HandshakeType.certificate_request, writeCertificateRequest({ context: new Uint8Array(0), extensions: crExts }));
    }
    await cx.sendHandshake(HandshakeType.certificate, writeCertificate({
      context: new Uint8Array(0),
      entries: this.config.certified.chain.map((certData) => ({ certData, extensions: [] })),
    }));
    const signed = certificateVerifyContent('server', await cx.transcript.hash());
    const signature = await cx.provider.sign(sigScheme.alg, this.config.certified.key, signed, cx.random);
    await cx.sendHandshake(HandshakeType.certificate_verify, writeCertificateVerify({ scheme, signature }));
    const fin = await computeFinished(cx, suite, hsKeys.server.secret, 'server');
    await cx.sendHandshake(HandshakeType.finished, fin);
    await cx.flush();

    // §7.1: application secrets over CH..server Finished; the server may write at once (0.5-RTT).
    const master = await hs.master();
    const app = await master.applicationSecrets(await cx.transcript.hash());
    emitSecrets(cx, master);
    await cx.setWriteKeys(app.server, 'application');

    const pending: Pending = {
      suite, master, clientHs: hsKeys.client, clientApp: app.client, serverApp: app.server, scheme: sigScheme, groupName: group.name,
      helloRetry: this.retry !== undefined, serverName, tickets: this.config.sessionTickets,
    };
    return requestCert ? new ExpectCertificate(this.config, pending) : new ExpectFinished(pending, []);
  }
}

interface Pending {
  readonly suite: CipherSuite13;
  readonly master: MasterSecret;
  readonly clientHs: TrafficKeys;
  readonly clientApp: TrafficKeys;
  readonly serverApp: TrafficKeys;
  readonly scheme: SignatureScheme;
  readonly groupName: GroupName;
  readonly helloRetry: boolean;
  readonly serverName?: string;
  readonly tickets?: TicketPolicy;
}

/** §4.4.2: the client's Certificate (possibly empty) after a CertificateRequest. */
class ExpectCertificate implements State {
  readonly name = 'ExpectCertificate';
  constructor(
    private readonly config: ServerConfig,
    private readonly pending: Pending,
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate);
    const cert = decodeBody(msg, readCertificate);
    if (cert.context.length !== 0) throw alertError('illegal_parameter', 'certificate_request_context mismatch');
    await received(cx, msg);
    const chain = cert.entries.map((e) => e.certData);
    if (chain.length === 0) return new ExpectFinished(this.pending, []);
    if (this.config.verifyClient) {
      const verdict = await this.config.verifyClient(chain, undefined);
      if (!verdict.ok) throw alertError(verdict.alert, verdict.reason);
    }
    return new ExpectCertificateVerify(this.pending, chain);
  }
}

/** §4.4.3: the client proves it holds the certificate's key. */
class ExpectCertificateVerify implements State {
  readonly name = 'ExpectCertificateVerify';
  constructor(
    private readonly pending: Pending,
    private readonly chain: readonly Uint8Array[],
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate_verify);
    const cv = decodeBody(msg, readCertificateVerify);
    const scheme = SIGNATURE_SCHEMES.get(cv.scheme);
    if (!scheme || !scheme.inCertificateVerify13) throw alertError('illegal_parameter', 'signature scheme not allowed');
    const { spki } = decodeOr(() => certificatePublicKey(this.chain[0]));
    const content = certificateVerifyContent('client', await cx.transcript.hash());
    if (!(await cx.provider.verify(scheme.alg, spki, cv.signature, content))) throw alertError('decrypt_error', 'client CertificateVerify does not verify');
    await received(cx, msg);
    return new ExpectFinished(this.pending, this.chain);
  }
}

/** §4.4.4: the client's Finished; then both directions use application keys. */
class ExpectFinished implements State {
  readonly name = 'ExpectFinished';
  constructor(
    private readonly pending: Pending,
    private readonly peerChain: readonly Uint8Array[],
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.finished);
    const p = this.pending;
    const verifyData = decodeBody(msg, (r) => readFinished(r, p.suite.hashLen));
    await checkFinished(cx, p.suite, p.clientHs.secret, 'client', verifyData);
    await received(cx, msg);
    const res = await p.master.resumption(await cx.transcript.hash());
    cx.emit({ kind: 'tls.secret', side: 'server', name: 'resumptionMasterSecret', value: res });
    cx.setReadKeys(p.clientApp, 'application');
    // §4.6.1: tickets (opaque to us: we never resume), one record each, as OpenSSL sends them.
    for (let i = 0; i < (p.tickets?.count ?? 0); i++) {
      const t = p.tickets!;
      const nonce = new Uint8Array(8);
      nonce[7] = i;
      await cx.sendHandshake(HandshakeType.new_session_ticket, writeNewSessionTicket({
        lifetime: t.lifetime, ageAdd: new DataView(cx.random.bytes(4).buffer).getUint32(0), nonce, ticket: cx.random.bytes(t.ticketLength), extensions: [],
      }));
    }
    await cx.flush();
    cx.complete({
      version: 'TLSv1.3', cipher: p.suite.openssl, cipherId: p.suite.id, bits: p.suite.bits, group: p.groupName,
      signatureScheme: p.scheme.name, peerCertificates: this.peerChain, serverName: p.serverName, helloRetry: p.helloRetry,
    });
    return new Traffic(p.suite, p.clientApp, p.serverApp);
  }
}

function decodeOr<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof TlsAlert) throw e;
    const alert = (e as { alert?: number }).alert ?? AlertDescription.decode_error;
    throw new TlsAlert(alert, (e as Error).message);
  }
}

function decodeServerName(exts: readonly Extension[]): string | undefined {
  const d = findExtension(exts, ExtensionType.server_name);
  return d ? decodeOr(() => ext.decodeServerName(d)) : undefined;
}

/** CertificateAuthoritiesExtension: DistinguishedName authorities<3..2^16-1> (§4.2.4). */
function encodeDistinguishedNames(names: readonly Uint8Array[]): Uint8Array {
  const parts = names.map((n) => concat([Uint8Array.of(n.length >> 8, n.length & 0xff), n]));
  const body = concat(parts);
  return concat([Uint8Array.of(body.length >> 8, body.length & 0xff), body]);
}
