#!/bin/sh
# Copies Debian's sendmail-cf tree (/usr/share/sendmail/cf, package sendmail-cf
# 8.17.1.9-2+deb12u2 as dpkg installed it) into this world layer and writes
# manifest.json with each file's mode and owner. Run on the reference machine:
#   sh lessons/_worlds/sendmail-cf/capture.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$here/files"
mkdir -p "$here/files/usr/share/sendmail"
cp -a /usr/share/sendmail/cf "$here/files/usr/share/sendmail/cf"
cd /
find usr/share/sendmail/cf -printf '%y %m %u %g %p\n' | sort -k5 | node -e '
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
const entries = lines.map((l) => {
  const [y, m, u, g, p] = l.split(" ");
  const e = { path: "/" + p, type: y === "d" ? "dir" : "file", mode: m.padStart(4, "0"), owner: u, group: g };
  if (y === "f") e.src = p;
  return e;
});
const manifest = {
  description: "Debian bookworm sendmail-cf 8.17.1.9-2+deb12u2: the m4 tree /usr/share/sendmail/cf that sendmail.mc includes (cf.m4, ostype, domain, feature, mailer, hack, siteconfig, sh/makeinfo.sh), modes and owners as dpkg installed them. Captured by capture.sh in this directory.",
  extends: "base",
  entries,
};
process.stdout.write(JSON.stringify(manifest, null, 1) + "\n");
' > "$here/manifest.json"
echo "$(grep -c '"path"' "$here/manifest.json") entries"
