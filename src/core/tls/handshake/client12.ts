/**
 * The TLS 1.2 client (RFC 5246 §7.3) for ECDHE with AES-GCM, one class per state:
 * ServerHello -> ExpectCertificate -> ExpectServerKeyExchange -> ExpectCertificateRequestOrDone
 *   -> [ExpectServerHelloDone] -> Certificate?, ClientKeyExchange, CertificateVerify?, ChangeCipherSpec, Finished
 *   -> ExpectChangeCipherSpec -> ExpectFinished -> Traffic.
 */
import { concat, equalBytes } from '../../bytes/index.ts';
import { alertError } from '../alerts.ts';
import { HandshakeType, type HandshakeMessage } from '../codec/handshake.ts';
import { ExtensionType, findExtension } from '../codec/extensions.ts';
import type { ClientHello, ServerHello } from '../codec/hello.ts';
import { writeCertificateVerify } from '../codec/messages13.ts';
import {
  type CertificateRequest12, readCertificate12, readCertificateRequest12, readNewSessionTicket12, readServerKeyExchange, writeCertificate12, writeClientKeyExchange,
} from '../codec/messages12.ts';
import { certificatePublicKey } from '../codec/spki.ts';
import { extendedMasterSecret, finishedVerifyData12, keyBlock, masterSecret } from '../prf.ts';
import { RecordProtection12Gcm } from '../record/protection12.ts';
import {
  CLIENT_SIGNATURE_SCHEMES, type CipherSuite12, GROUP_PREFERENCE, GROUPS, type GroupName, SIGNATURE_SCHEMES, SUITES_12, type SignatureScheme, schemesForKey12,
} from '../suites.ts';
import { DOWNGRADE_TLS12, State12, Traffic12, verifyPeerFinished12 } from './common12.ts';
import { decodeBody, expectType, received } from './common13.ts';
import type { ClientConfig } from './config.ts';
import type { Context, State } from './context.ts';

interface Session {
  readonly config: ClientConfig;
  readonly suite: CipherSuite12;
  readonly clientRandom: Uint8Array;
  readonly serverRandom: Uint8Array;
  readonly ems: boolean;
  readonly chain: readonly Uint8Array[];
  readonly group?: GroupName;
  readonly serverPublic?: Uint8Array;
  readonly scheme?: SignatureScheme;
  readonly certRequest?: CertificateRequest12;
  readonly master?: Uint8Array;
  /** RFC 5077 §3.3: the server acknowledged session_ticket, so a NewSessionTicket comes before its ChangeCipherSpec. */
  readonly ticketExpected?: boolean;
}

/** §7.4.1.3: a ServerHello choosing TLS 1.2. */
export async function clientServerHello12(cx: Context, config: ClientConfig, ch: ClientHello, sh: ServerHello, msg: HandshakeMessage, offered13: boolean): Promise<State> {
  // RFC 8446 §4.1.3: a downgrade from a server that could do TLS 1.3 is an attack.
  if (offered13 && equalBytes(sh.random.subarray(24), DOWNGRADE_TLS12)) throw alertError('illegal_parameter', 'downgrade sentinel in ServerHello.random');
  const suite = SUITES_12.get(sh.cipherSuite);
  if (!suite || !ch.cipherSuites.includes(sh.cipherSuite)) throw alertError('illegal_parameter', 'cipher suite not offered');
  const ri = findExtension(sh.extensions, ExtensionType.renegotiation_info);
  if (ri && !(ri.length === 1 && ri[0] === 0)) throw alertError('handshake_failure', 'bad renegotiation_info');
  const ems = findExtension(sh.extensions, ExtensionType.extended_master_secret) !== undefined;
  const st = findExtension(sh.extensions, ExtensionType.session_ticket);
  if (st && (st.length !== 0 || !findExtension(ch.extensions, ExtensionType.session_ticket))) throw alertError('unsupported_extension', 'session_ticket not offered or not empty');
  cx.transcript.setHash(suite.hash);
  await received(cx, msg);
  return new ExpectCertificate({ config, suite, clientRandom: ch.random, serverRandom: sh.random, ems, chain: [], ticketExpected: st !== undefined });
}

class ExpectCertificate extends State12 {
  readonly name = 'ExpectCertificate';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.certificate);
    const chain = decodeBody(msg, readCertificate12);
    if (!chain.length) throw alertError('decode_error', 'server sent no certificate');
    const verdict = await this.s.config.verifyServer(chain, this.s.config.serverName);
    if (!verdict.ok) throw alertError(verdict.alert, verdict.reason);
    await received(cx, msg);
    return new ExpectServerKeyExchange({ ...this.s, chain });
  }
}

class ExpectServerKeyExchange extends State12 {
  readonly name = 'ExpectServerKeyExchange';
  constructor(private readonly s: Session) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    expectType(msg, HandshakeType.server_key_exchange);
    const ske = decodeBody(msg, readServerKeyExchange);
    const g = GROUPS.get(ske.params.group);
    const groups = this.s.config.groups ?? GROUP_PREFERENCE;
    if (!g || !groups.includes(g.name)) throw alertError('illegal_parameter', 'group not offered');
    if (ske.params.publicKey.length !== g.keyShareLen) throw alertError('illegal_parameter', 'bad ECDH public key length');
    const scheme = SIGNATURE_SCHEMES.get(ske.scheme);
    if (!scheme || !CLIENT_SIGNATURE_SCHEMES.includes(ske.scheme)) throw alertError('illegal_parameter', 'signature scheme not offered');
    // RFC 8422 §5.4: the signature covers client_random + server_random + ServerECDHParams.
    const { spki } = decodeBody({ ...msg, body: new Uint8Array(0) }, () => certificatePublicKey(this.s.chain[0]));
    const signed = concat([this.s.clientRandom, this.s.serverRandom, ske.paramsRaw]);
    if (!(await cx.provider.verify(scheme.alg, spki, ske.signature, signed))) throw alertError('decrypt_error', 'ServerKeyExchange signature does not verify');
    await received(cx, msg);
    return new ExpectCertificateRequestOrDone({ ...this.s, group: g.name, serverPublic: ske.params.publicKey, scheme });
  }
}

class ExpectCertificateRequestOrDone extends State12 {
  readonly name: string;
  constructor(
    private readonly s: Session,
    private readonly requestAllowed = true,
  ) {
    super();
    this.name = requestAllowed ? 'ExpectCertificateRequestOrServerHelloDone' : 'ExpectServerHelloDone';
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    if (this.requestAllowed && msg.type === HandshakeType.certificate_request) {
      const certRequest = decodeBody(msg, readCertificateRequest12);
      await received(cx, msg);
      return new ExpectCertificateRequestOrDone({ ...this.s, certRequest }, false);
    }
    expectType(msg, HandshakeType.server_hello_done);
    decodeBody(msg, () => undefined); // §7.4.5: empty
    await received(cx, msg);
    return this.secondFlight(cx);
  }

  async secondFlight(cx: Context): Promise<State> {
    const s = this.s;
    // §7.4.6: a Certificate (maybe empty) when asked.
    const certified = s.config.clientCertificate;
    const schemeId = certified && s.certRequest ? schemesForKey12(certified.key.kind).find((id) => s.certRequest!.schemes.includes(id)) : undefined;
    const sendingCert = certified !== undefined && schemeId !== undefined;
    if (s.certRequest) await cx.sendHandshake(HandshakeType.certificate, writeCertificate12(sendingCert ? certified.chain : []));
    // §7.4.7 / RFC 8422 §5.7: our ephemeral point.
    const own = await cx.provider.generateKeyShare(s.group!, cx.random);
    const pms = await cx.provider.ecdh(own, s.serverPublic!);
    if (!pms) throw alertError('illegal_parameter', 'invalid server ECDH key');
    cx.emit({ kind: 'tls.key-share', side: 'client', group: s.group!, own, peer: s.serverPublic!, shared: pms });
    await cx.sendHandshake(HandshakeType.client_key_exchange, writeClientKeyExchange(own.publicKey));
    let master: Uint8Array;
    if (s.ems) {
      const sessionHash = await cx.transcript.hash();
      cx.emit({ kind: 'tls.secret', side: 'client', name: 'sessionHash', value: sessionHash });
      master = await extendedMasterSecret(cx.provider, s.suite.hash, pms, sessionHash);
    } else master = await masterSecret(cx.provider, s.suite.hash, pms, s.clientRandom, s.serverRandom);
    cx.emit({ kind: 'tls.secret', side: 'client', name: 'preMasterSecret', value: pms });
    cx.emit({ kind: 'tls.secret', side: 'client', name: 'masterSecret', value: master });
    if (sendingCert) {
      // §7.4.8: sign every handshake message so far.
      const signature = await cx.provider.sign(SIGNATURE_SCHEMES.get(schemeId)!.alg, certified.key, concat(cx.transcript.messages), cx.random);
      await cx.sendHandshake(HandshakeType.certificate_verify, writeCertificateVerify({ scheme: schemeId, signature }));
    }
    await cx.sendChangeCipherSpec();
    const kb = await keyBlock(cx.provider, s.suite.hash, master, s.clientRandom, s.serverRandom, { mac: 0, key: s.suite.keyLen, iv: 4 });
    cx.setProtection('write', new RecordProtection12Gcm(cx.provider, kb.clientKey, kb.clientIv), { secret: master, key: kb.clientKey, iv: kb.clientIv });
    const hash = await cx.transcript.hash();
    const verifyData = await finishedVerifyData12(cx.provider, s.suite.hash, master, 'client', hash);
    cx.emit({ kind: 'tls.finished', side: 'client', of: 'client', finishedKey: master, transcriptHash: hash, verifyData });
    await cx.sendHandshake(HandshakeType.finished, verifyData);
    await cx.flush();
    return new ExpectChangeCipherSpec({ ...s, master, chain: s.chain }, kb.serverKey, kb.serverIv);
  }
}

class ExpectChangeCipherSpec extends State12 {
  readonly name = 'ExpectChangeCipherSpec';
  constructor(
    private readonly s: Session,
    private readonly key: Uint8Array,
    private readonly iv: Uint8Array,
  ) {
    super();
  }

  async handle(cx: Context, msg: HandshakeMessage): Promise<State> {
    if (msg.type !== HandshakeType.new_session_ticket || !this.s.ticketExpected) throw alertError('unexpected_message', `handshake message ${msg.type} before change_cipher_spec`);
    decodeBody(msg, readNewSessionTicket12); // kept in the trace (tls.message); we never resume
    await received(cx, msg);
    return new ExpectChangeCipherSpec({ ...this.s, ticketExpected: false }, this.key, this.iv);
  }

  override async handleChangeCipherSpec(cx: Context): Promise<State> {
    if (this.s.ticketExpected) throw alertError('unexpected_message', 'change_cipher_spec before the promised NewSessionTicket');
    cx.setProtection('read', new RecordProtection12Gcm(cx.provider, this.key, this.iv), { secret: this.s.master!, key: this.key, iv: this.iv });
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
    await verifyPeerFinished12(cx, msg, 'client', s.suite.hash, s.master!);
    cx.complete({
      version: 'TLSv1.2', cipher: s.suite.openssl, cipherId: s.suite.id, bits: s.suite.bits, group: s.group!, signatureScheme: s.scheme!.name,
      peerCertificates: s.chain, serverName: s.config.serverName, helloRetry: false, extendedMasterSecret: s.ems,
    });
    return new Traffic12();
  }
}
