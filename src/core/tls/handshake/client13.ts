/**
 * The TLS 1.3 client (RFC 8446 §2, §4), one class per state:
 * start -> ExpectServerHello [-> HelloRetryRequest -> ExpectServerHello] -> ExpectEncryptedExtensions
 *   -> ExpectCertificateOrCertificateRequest -> ExpectCertificate -> ExpectCertificateVerify -> ExpectFinished -> Traffic.
 */
import { equalBytes } from '../../bytes/index.ts';
import { alertError } from '../alerts.ts';
import type { KeyShare } from '../crypto-provider.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import { type Extension, ExtensionType, ext, findExtension } from '../codec/extensions.ts';
import { type ClientHello, isHelloRetryRequest, readServerHello, writeClientHello } from '../codec/hello.ts';
import {
  type CertificateRequest, readCertificate, readCertificateRequest, readCertificateVerify, readEncryptedExtensions, readFinished,
  writeCertificate, writeCertificateVerify,
} from '../codec/messages13.ts';
import { certificatePublicKey } from '../codec/spki.ts';
import { EarlySecret, type HandshakeSecret, type TrafficKeys } from '../key-schedule.ts';
import {
  CLIENT_OFFER_13, CLIENT_SIGNATURE_SCHEMES, SERVER_PREFERENCE_12, type CipherSuite13, GROUP_PREFERENCE, GROUPS, type GroupName, ProtocolVersion, SIGNATURE_SCHEMES,
  SUITES_13, type SignatureScheme, groupByName, schemesForKey,
} from '../suites.ts';
import { certificateVerifyContent, checkFinished, computeFinished, decodeBody, emitSecrets, expectType, received } from './common13.ts';
import type { ClientConfig } from './config.ts';
import type { Context, State } from './context.ts';
import { Traffic } from './traffic13.ts';
import { clientServerHello12 } from './client12.ts';

/** Build and queue the first ClientHello (§4.1.2); returns the state awaiting ServerHello. */
export async function startClient(cx: Context, config: ClientConfig): Promise<State> {
  const versions = config.versions ?? ['TLSv1.3', 'TLSv1.2'];
  const offer13 = versions.includes('TLSv1.3');
  const offer12 = versions.includes('TLSv1.2');
  const groups = config.groups ?? GROUP_PREFERENCE;
  const shares: KeyShare[] = [];
  if (offer13) for (const g of config.keyShares ?? [groups[0]]) shares.push(await cx.provider.generateKeyShare(g, cx.random));
  const random = cx.random.bytes(32);
  // §D.4 middlebox compatibility mode, as OpenSSL's client: a 32-byte legacy_session_id (TLS 1.3 offers only).
  const sessionId = offer13 ? cx.random.bytes(32) : new Uint8Array(0);
  const suites = [
    ...(offer13 ? (config.suites ?? CLIENT_OFFER_13).map((s) => s.id) : []),
    // RFC 5746 §3.3: the SCSV signals secure renegotiation support.
    ...(offer12 ? [...(config.suites12 ?? SERVER_PREFERENCE_12).map((s) => s.id), 0x00ff] : []),
  ];
  const ch: ClientHello = {
    legacyVersion: ProtocolVersion.TLS12, random, sessionId, cipherSuites: suites,
    compressionMethods: Uint8Array.of(0), extensions: clientExtensions(config, groups, shares),
  };
  await cx.sendHandshake(HandshakeType.client_hello, writeClientHello(ch));
  await cx.flush();
  return new ExpectServerHello(config, ch, shares, false);
}

function clientExtensions(config: ClientConfig, groups: readonly GroupName[], shares: readonly KeyShare[], cookie?: Uint8Array): Extension[] {
  const versions = config.versions ?? ['TLSv1.3', 'TLSv1.2'];
  const offer13 = versions.includes('TLSv1.3');
  const offer12 = versions.includes('TLSv1.2');
  const out: Extension[] = [];
  if (config.serverName !== undefined) out.push({ type: ExtensionType.server_name, data: ext.encodeServerName(config.serverName) });
  // RFC 8422 §5.1.2: uncompressed points only.
  if (offer12) out.push({ type: ExtensionType.ec_point_formats, data: Uint8Array.of(1, 0) });
  out.push({ type: ExtensionType.supported_groups, data: ext.encodeGroups(groups.map((g) => groupByName(g).id)) });
  if (config.sessionTicket) out.push({ type: ExtensionType.session_ticket, data: new Uint8Array(0) });
  if (offer12) out.push({ type: ExtensionType.extended_master_secret, data: new Uint8Array(0) });
  out.push({ type: ExtensionType.signature_algorithms, data: ext.encodeSchemes(CLIENT_SIGNATURE_SCHEMES) });
  if (offer13) {
    out.push(
      { type: ExtensionType.supported_versions, data: ext.encodeVersionsList(offer12 ? [ProtocolVersion.TLS13, ProtocolVersion.TLS12] : [ProtocolVersion.TLS13]) },
      { type: ExtensionType.psk_key_exchange_modes, data: Uint8Array.of(1, 1) },
      { type: ExtensionType.key_share, data: ext.encodeClientShares(shares.map((s) => ({ group: groupByName(s.group).id, keyExchange: s.publicKey }))) },
    );
  }
  if (cookie) out.push({ type: ExtensionType.cookie, data: ext.encodeCookie(cookie) });
  return out;
}

class ExpectServerHello implements State {
  readonly name = 'ExpectServerHello';
  constructor(
    private readonly config: ClientConfig,
    private readonly ch: ClientHello,
    private readonly shares: readonly KeyShare[],
    private readonly retried: boolean,
    private readonly retrySuite?: CipherSuite13,
  ) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.server_hello);
    const sh = decodeBody(msg, readServerHello);
    // §4.1.3: a server choosing TLS 1.2 or lower sends no supported_versions; we only speak TLS 1.3.
    const sv = findExtension(sh.extensions, ExtensionType.supported_versions);
    const versions = this.config.versions ?? ['TLSv1.3', 'TLSv1.2'];
    if (!sv) {
      // RFC 5246 §7.4.1.3: a TLS 1.2 ServerHello (not after a HelloRetryRequest).
      if (sh.legacyVersion !== ProtocolVersion.TLS12 || !versions.includes('TLSv1.2') || this.retried) throw alertError('protocol_version', 'server did not select a version we offered');
      return clientServerHello12(cx, this.config, this.ch, sh, msg, versions.includes('TLSv1.3'));
    }
    if (!versions.includes('TLSv1.3')) throw alertError('illegal_parameter', 'supported_versions in a TLS 1.2 ServerHello');
    if (decodeBody({ ...msg, body: sv }, (r) => r.u16('selected_version')) !== ProtocolVersion.TLS13) throw alertError('illegal_parameter', 'selected_version is not TLS 1.3');
    if (!equalBytes(sh.sessionIdEcho, this.ch.sessionId)) throw alertError('illegal_parameter', 'legacy_session_id_echo mismatch');
    const suite = SUITES_13.get(sh.cipherSuite);
    if (!suite || !this.ch.cipherSuites.includes(sh.cipherSuite)) throw alertError('illegal_parameter', 'cipher suite not offered');
    if (this.retrySuite && suite !== this.retrySuite) throw alertError('illegal_parameter', 'cipher suite changed after HelloRetryRequest');
    const ks = findExtension(sh.extensions, ExtensionType.key_share);
    if (!ks) throw alertError('missing_extension', 'no key_share');
    cx.transcript.setHash(suite.hash);

    if (isHelloRetryRequest(sh)) {
      // §4.1.4: one retry only, for a group we support but did not send a share for.
      if (this.retried) throw alertError('unexpected_message', 'second HelloRetryRequest');
      const selected = decodeBody({ ...msg, body: ks }, (r) => r.u16('selected_group'));
      const groups = this.config.groups ?? GROUP_PREFERENCE;
      const g = GROUPS.get(selected);
      if (!g || !groups.includes(g.name) || this.shares.some((s) => s.group === g.name)) throw alertError('illegal_parameter', 'bad selected_group');
      const c = findExtension(sh.extensions, ExtensionType.cookie);
      const cookie = c ? decodeBody({ ...msg, body: c }, (r) => r.vec(2, 'cookie', 1)) : undefined;
      await cx.transcript.replaceWithMessageHash();
      await received(cx, msg);
      const share = await cx.provider.generateKeyShare(g.name, cx.random);
      const ch2: ClientHello = { ...this.ch, extensions: clientExtensions(this.config, groups, [share], cookie) };
      await cx.sendChangeCipherSpec(); // §D.4: before the second flight
      await cx.sendHandshake(HandshakeType.client_hello, writeClientHello(ch2));
      await cx.flush();
      return new ExpectServerHello(this.config, ch2, [share], true, suite);
    }

    const entry = decodeBody({ ...msg, body: ks }, (r) => ({ group: r.u16('group'), keyExchange: r.vec(2, 'key_exchange', 1) }));
    const own = this.shares.find((s) => groupByName(s.group).id === entry.group);
    if (!own) throw alertError('illegal_parameter', 'server share for a group we did not offer');
    const shared = await cx.provider.ecdh(own, entry.keyExchange);
    if (!shared) throw alertError('illegal_parameter', 'invalid server key share');
    cx.emit({ kind: 'tls.key-share', side: 'client', group: own.group, own, peer: entry.keyExchange, shared });
    await received(cx, msg);

    const hs = await (await EarlySecret.create(cx.provider, suite)).handshake(shared);
    const keys = await hs.trafficSecrets(await cx.transcript.hash());
    emitSecrets(cx, hs);
    cx.setReadKeys(keys.server, 'handshake');
    return new ExpectEncryptedExtensions({
      config: this.config, suite, hs, client: keys.client, server: keys.server, group: own.group, helloRetry: this.retried, ccsSent: this.retried,
    });
  }
}

interface Ctx13 {
  readonly config: ClientConfig;
  readonly suite: CipherSuite13;
  readonly hs: HandshakeSecret;
  readonly client: TrafficKeys;
  readonly server: TrafficKeys;
  readonly group: GroupName;
  readonly helloRetry: boolean;
  readonly ccsSent: boolean;
  readonly certRequest?: CertificateRequest;
  readonly chain?: readonly Uint8Array[];
  readonly scheme?: SignatureScheme;
}

class ExpectEncryptedExtensions implements State {
  readonly name = 'ExpectEncryptedExtensions';
  constructor(private readonly s: Ctx13) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.encrypted_extensions);
    const exts = decodeBody(msg, readEncryptedExtensions);
    // §4.3.1: extensions that belong in ServerHello must not appear here.
    if (exts.some((e) => e.type === ExtensionType.key_share || e.type === ExtensionType.supported_versions)) throw alertError('illegal_parameter', 'ServerHello extension in EncryptedExtensions');
    await received(cx, msg);
    return new ExpectCertificate(this.s, true);
  }
}

class ExpectCertificate implements State {
  readonly name: string;
  constructor(
    private readonly s: Ctx13,
    private readonly requestAllowed: boolean,
  ) {
    this.name = requestAllowed ? 'ExpectCertificateOrCertificateRequest' : 'ExpectCertificate';
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    if (this.requestAllowed && msg.type === HandshakeType.certificate_request) {
      // §4.3.2: the server asks for our certificate.
      const certRequest = decodeBody(msg, readCertificateRequest);
      if (certRequest.context.length !== 0) throw alertError('illegal_parameter', 'non-empty certificate_request_context in handshake');
      if (!findExtension(certRequest.extensions, ExtensionType.signature_algorithms)) throw alertError('missing_extension', 'CertificateRequest without signature_algorithms');
      await received(cx, msg);
      return new ExpectCertificate({ ...this.s, certRequest }, false);
    }
    expectType(msg, HandshakeType.certificate);
    // §4.4.2: the server must send a non-empty chain with an empty context.
    const cert = decodeBody(msg, readCertificate);
    if (cert.context.length !== 0) throw alertError('illegal_parameter', 'server Certificate with a context');
    if (cert.entries.length === 0) throw alertError('decode_error', 'server sent no certificate');
    const chain = cert.entries.map((e) => e.certData);
    const verdict = await this.s.config.verifyServer(chain, this.s.config.serverName);
    if (!verdict.ok) throw alertError(verdict.alert, verdict.reason);
    await received(cx, msg);
    return new ExpectCertificateVerify({ ...this.s, chain });
  }
}

class ExpectCertificateVerify implements State {
  readonly name = 'ExpectCertificateVerify';
  constructor(private readonly s: Ctx13) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate_verify);
    const cv = decodeBody(msg, readCertificateVerify);
    // §4.4.3: a scheme we offered, usable in TLS 1.3.
    const scheme = SIGNATURE_SCHEMES.get(cv.scheme);
    if (!scheme || !scheme.inCertificateVerify13 || !CLIENT_SIGNATURE_SCHEMES.includes(cv.scheme)) throw alertError('illegal_parameter', 'signature scheme not offered');
    const { spki } = decodeBody({ ...msg, body: new Uint8Array(0) }, () => certificatePublicKey(this.s.chain![0]));
    const content = certificateVerifyContent('server', await cx.transcript.hash());
    if (!(await cx.provider.verify(scheme.alg, spki, cv.signature, content))) throw alertError('decrypt_error', 'server CertificateVerify does not verify');
    await received(cx, msg);
    return new ExpectFinished({ ...this.s, scheme });
  }
}

class ExpectFinished implements State {
  readonly name = 'ExpectFinished';
  constructor(private readonly s: Ctx13) {}

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.finished);
    const s = this.s;
    const verifyData = decodeBody(msg, (r) => readFinished(r, s.suite.hashLen));
    await checkFinished(cx, s.suite, s.server.secret, 'server', verifyData);
    await received(cx, msg);
    const master = await s.hs.master();
    const app = await master.applicationSecrets(await cx.transcript.hash());
    emitSecrets(cx, master);

    // §4.4: our second flight under the client handshake keys.
    if (!s.ccsSent) await cx.sendChangeCipherSpec();
    await cx.setWriteKeys(s.client, 'handshake');
    if (s.certRequest) await this.sendClientCertificate(cx, s.certRequest);
    await cx.sendHandshake(HandshakeType.finished, await computeFinished(cx, s.suite, s.client.secret, 'client'));
    await cx.flush();
    await cx.setWriteKeys(app.client, 'application');
    cx.setReadKeys(app.server, 'application');
    const res = await master.resumption(await cx.transcript.hash());
    cx.emit({ kind: 'tls.secret', side: 'client', name: 'resumptionMasterSecret', value: res });
    cx.complete({
      version: 'TLSv1.3', cipher: s.suite.openssl, cipherId: s.suite.id, bits: s.suite.bits, group: s.group,
      signatureScheme: s.scheme!.name, peerCertificates: s.chain ?? [], serverName: s.config.serverName, helloRetry: s.helloRetry,
    });
    return new Traffic(s.suite, app.server, app.client);
  }

  async sendClientCertificate(cx: Context, req: CertificateRequest): Promise<void> {
    const certified = this.s.config.clientCertificate;
    const sa = findExtension(req.extensions, ExtensionType.signature_algorithms)!;
    const offered = decodeBody({ type: 13, raw: sa, body: sa }, (r) => {
      const l = r.sub(2, 'signature_algorithms', 2);
      const out: number[] = [];
      while (l.left > 0) out.push(l.u16());
      return out;
    });
    const schemeId = certified ? schemesForKey(certified.key.kind).find((id) => offered.includes(id)) : undefined;
    if (!certified || schemeId === undefined) {
      await cx.sendHandshake(HandshakeType.certificate, writeCertificate({ context: req.context, entries: [] }));
      return;
    }
    await cx.sendHandshake(HandshakeType.certificate, writeCertificate({ context: req.context, entries: certified.chain.map((certData) => ({ certData, extensions: [] })) }));
    const content = certificateVerifyContent('client', await cx.transcript.hash());
    const signature = await cx.provider.sign(SIGNATURE_SCHEMES.get(schemeId)!.alg, certified.key, content, cx.random);
    await cx.sendHandshake(HandshakeType.certificate_verify, writeCertificateVerify({ scheme: schemeId, signature }));
  }
}
