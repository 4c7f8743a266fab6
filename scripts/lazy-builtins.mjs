// The rewrite that makes heavy builtins load on first use in the bundle (used by build.mjs).
// test/build/lazy-builtins.test.ts runs it on what the installed esbuild really writes, so a change there fails a test.

/**
 * Builtins that cost milliseconds to load (child_process brings net and dgram; crypto a dozen modules) but that most
 * runs never call: commander's executable subcommands, opening a browser, an id for an undo record. They are loaded
 * on first use instead of at start-up, wherever they are imported.
 */
export const HEAVY_BUILTINS = ['child_process', 'crypto', 'os', 'dgram', 'http', 'https', 'http2', 'net', 'tls', 'zlib', 'worker_threads', 'readline', 'inspector', 'vm', 'v8'];

/** A module object that loads the real builtin when one of its properties is first read. */
export const LAZY_HELPER =
  'var __roadmapLazy = (id) => { let m; const load = () => (m ??= require(id)); return new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() }); };\n';

/**
 * Named imports of heavy builtins in the CommonJS output (`var import_node_crypto = require("node:crypto")`, used as
 * `import_node_crypto.randomUUID`) become lazy modules too. Default and namespace imports keep loading at once.
 */
export function lazyNamedImports(code) {
  const named = new RegExp(`^var (import_\\w+) = require\\(("(?:node:)?(?:${HEAVY_BUILTINS.join('|')})")\\);$`, 'gm');
  const out = code.replace(named, 'var $1 = __roadmapLazy($2);');
  return out === code ? code : `${LAZY_HELPER}${out}`;
}
