/** id (GNU coreutils): `uid=0(root) gid=0(root) groups=0(root)` from /etc/passwd and /etc/group. */
import type { Command } from '../types.ts';

export const id: Command = {
  name: 'id',
  usage: 'id [USER]',
  summary: 'Print real and effective user and group IDs.',
  async run(ctx) {
    const user = ctx.argv[1] ?? ctx.env.get('USER') ?? 'root';
    const info = ctx.vfs.userInfo(user);
    if (!info) {
      ctx.stderr.write(`id: '${user}': no such user\n`);
      return 1;
    }
    const g = ctx.vfs.groupName(info.gid);
    const groups = [`${info.gid}(${g})`];
    for (const s of ctx.vfs.groupsOf(user)) if (s.gid !== info.gid) groups.push(`${s.gid}(${s.name})`);
    ctx.stdout.write(`uid=${info.uid}(${user}) gid=${info.gid}(${g}) groups=${groups.join(',')}\n`);
    return 0;
  },
};
