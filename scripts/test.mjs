#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
//   1. tools the tests drive are present (installs them with apt-get when root, else says how)
//   2. import boundaries (dependency-cruiser)   3. svelte-check (types)
//   4. unit + cross-module tests (Vitest, node environment)
//   5. build the static site   6. end-to-end tests in Debian's Chromium (playwright-core)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(title, cmd, args, env = {}) {
  console.log(`\n== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureTools() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!have('swaks')) missing.push('swaks');
  if (!have('openssl')) missing.push('openssl');
  if (!have('python3')) missing.push('python3');
  if (missing.length === 0) return;
  const how = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid && process.getuid() === 0 && have('apt-get')) {
    console.log(`== installing what the tests need: ${how}`);
    run('apt-get update', 'apt-get', ['update', '-qq']);
    run('apt-get install', 'apt-get', ['install', '-y', '-qq', ...missing]);
  } else {
    console.error(`The tests drive ${missing.join(', ')}, which this machine lacks.\nInstall them as root: ${how}`);
    process.exit(1);
  }
}

ensureTools();
run('import boundaries', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);
run('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('unit tests', 'npx', ['vitest', 'run']);
run('build', 'npx', ['vite', 'build']);
// the e2e tests use the build just made (E2E_DIST) instead of building again
run('end-to-end tests', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { E2E_DIST: 'dist' });
console.log('\nall checks passed');
