#!/usr/bin/env node
// Bundles the world images in lessons/_worlds/<name>/ (manifest.json + files/)
// into src/core/sim/world-images.gen.json, which the core imports. The core has
// no file I/O, so the images travel as data; this runs before dev, build, test,
// lab and bridge (package.json pre-scripts). The output is not committed.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const worldsDir = join(root, 'lessons', '_worlds');
const out = join(root, 'src', 'core', 'sim', 'world-images.gen.json');

const worlds = {};
for (const name of readdirSync(worldsDir).sort()) {
  const manifestPath = join(worldsDir, name, 'manifest.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // A file's bytes come from `src` (under files/), `content` (a path inside the
  // world's folder, as the fresh-install capture writes it) or `inline`. Binary
  // databases (`binary: true`) are left out: the world builds its own .db files;
  // so are entries the capture records as `absent` (checked, not there).
  const entries = manifest.entries
    .filter((e) => !e.binary && e.type !== 'absent')
    .map((e) => {
      const entry = { path: e.path, type: e.type, mode: e.mode, owner: e.owner, group: e.group };
      if (e.type === 'symlink') entry.target = e.target;
      if (e.type === 'file') {
        if (e.src !== undefined) entry.content = readFileSync(join(worldsDir, name, 'files', e.src), 'latin1');
        else if (typeof e.content === 'string') entry.content = readFileSync(join(worldsDir, name, e.content), 'latin1');
        else entry.content = e.inline ?? '';
      }
      return entry;
    });
  const parent = manifest.extends ?? (name === 'base' ? null : 'base');
  worlds[name] = { name, description: manifest.description ?? '', extends: parent, entries };
}
for (const w of Object.values(worlds)) {
  if (w.extends && !worlds[w.extends]) {
    console.error(`gen-worlds: world '${w.name}' extends '${w.extends}', which lessons/_worlds/ does not have`);
    process.exit(1);
  }
}
const text = JSON.stringify({ worlds });
if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
