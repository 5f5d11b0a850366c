/**
 * Import boundaries of DESIGN.md §3 / STYLE.md §5.3, checked in `npm test`
 * (`npm run boundaries`). A rule names what a module may NOT import.
 */
const core = '^src/core/';
module.exports = {
  forbidden: [
    { name: 'core-no-ui', severity: 'error', comment: 'core is plain TypeScript: no Svelte, no DOM, no xterm, no node built-ins',
      from: { path: core }, to: { path: ['^src/(ui|terminal|platform|course|node)/', 'svelte', '@xterm', '\\.svelte$'] } },
    { name: 'core-no-node-builtins', severity: 'error', from: { path: core }, to: { dependencyTypes: ['core'] } },
    { name: 'bytes-trace-leaf', severity: 'error', comment: 'core/bytes and core/trace import nothing else in src/',
      from: { path: '^src/core/(bytes|trace)/' }, to: { path: '^src/', pathNot: '^src/core/(bytes|trace)/' } },
    { name: 'smtp-alone', severity: 'error', comment: 'SMTP never imports TLS, access, or the world: sim hands STARTTLS over',
      from: { path: '^src/core/smtp/' }, to: { path: '^src/core/', pathNot: '^src/core/(smtp|bytes|trace)/' } },
    { name: 'tls-alone', severity: 'error', from: { path: '^src/core/tls/' }, to: { path: '^src/core/', pathNot: '^src/core/(tls|bytes|trace)/' } },
    { name: 'pki-alone', severity: 'error', from: { path: '^src/core/pki/' }, to: { path: '^src/core/', pathNot: '^src/core/(pki|bytes|trace)/' } },
    { name: 'access-alone', severity: 'error', from: { path: '^src/core/access/' }, to: { path: '^src/core/', pathNot: '^src/core/(access|bytes|trace)/' } },
    { name: 'm4-alone', severity: 'error', comment: 'core/m4 is a macro processor: files and shell commands come in through its host callbacks',
      from: { path: '^src/core/m4/' }, to: { path: '^src/core/', pathNot: '^src/core/(m4|bytes|trace)/' } },
    { name: 'vfs-alone', severity: 'error', from: { path: '^src/core/vfs/' }, to: { path: '^src/core/', pathNot: '^src/core/(vfs|bytes|trace)/' } },
    { name: 'shell-deps', severity: 'error', comment: 'shell sees vfs, trace, bytes and the interfaces it defines itself',
      from: { path: '^src/core/shell/' }, to: { path: '^src/core/', pathNot: '^src/core/(shell|vfs|bytes|trace)/' } },
    { name: 'only-pki-imports-x509', severity: 'error', from: { pathNot: '^src/core/pki/' }, to: { path: '@peculiar/x509' } },
    { name: 'only-addon-imports-xterm', severity: 'error', from: { pathNot: '^src/terminal/xterm-addon\\.ts$' }, to: { path: '@xterm/' } },
    { name: 'terminal-moves-strings', severity: 'error', from: { path: '^src/terminal/' }, to: { path: ['^src/(core|ui|course|platform)/', 'svelte'] } },
    { name: 'course-reads-sim', severity: 'error', from: { path: '^src/course/' }, to: { path: ['^src/(ui|terminal|platform)/'] } },
    { name: 'platform-no-svelte', severity: 'error', from: { path: '^src/platform/' }, to: { path: ['svelte', '^src/ui/'] } },
    { name: 'panels-through-state', severity: 'error', comment: 'panels reach the engine through ui/state',
      from: { path: '^src/ui/', pathNot: '^src/ui/state/' }, to: { path: '^src/core/sim/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'svelte'], extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
