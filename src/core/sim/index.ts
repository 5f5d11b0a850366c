/**
 * core/sim: the simulated world. `createWorld` builds a host from a world
 * image and, for the reference world, makes its CA, server certificate and
 * key with WebCrypto (RSA-2048, as ../shared/reference/real-sendmail/mkcerts.sh).
 */
import { World, type WorldOptions } from './world.ts';
import { makeReferenceCerts, makeRsaKeyPem } from '../pki/reference-certs.ts';

export { World, type WorldKind, type WorldOptions } from './world.ts';
export { worldNames } from './world-image.ts';
export { rawLine, type SyslogRecord } from './syslog.ts';

/** Installs the reference certificates as mkcerts.sh leaves them: key 0600, certs 0644. */
async function installReferenceCerts(world: World): Promise<void> {
  const pems = await makeReferenceCerts(world.subtle, world.random, world.clock.now());
  const dir = '/etc/mail/certs';
  const vfs = world.vfs;
  if (!vfs.exists(dir)) vfs.mkdir(dir, { parents: true, mode: 0o755 });
  vfs.writeFile(`${dir}/CAcert.pem`, pems.caCertPem, { mode: 0o644 });
  vfs.writeFile(`${dir}/mycert.pem`, pems.certPem, { mode: 0o644 });
  vfs.writeFile(`${dir}/mykey.pem`, pems.keyPem, { mode: 0o600 });
  for (const f of ['CAcert.pem', 'mycert.pem', 'mykey.pem']) vfs.chmod(`${dir}/${f}`, f === 'mykey.pem' ? 0o600 : 0o644);
}

/**
 * Debian's install generates /etc/mail/tls/sendmail-common.key; the capture
 * keeps no private key (lessons/_worlds/fresh/README.md), so each world makes its own.
 */
async function installDebianTlsKey(world: World): Promise<void> {
  const path = '/etc/mail/tls/sendmail-common.key';
  if (world.vfs.exists(path) && world.vfs.stat(path).size === 0) world.vfs.writeFile(path, await makeRsaKeyPem(world.subtle));
}

export async function createWorld(opts: WorldOptions): Promise<World> {
  const world = new World(opts);
  await installDebianTlsKey(world);
  if (opts.kind === 'reference') await installReferenceCerts(world);
  world.installed();
  return world;
}
