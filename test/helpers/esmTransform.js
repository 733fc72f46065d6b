/**
 * Jest transformer for ES-module-only packages (`.mjs`, e.g. pdfjs-dist 5): esbuild turns them into CommonJS, and
 * `import.meta.url` into the file's own URL, so `require()` works in jest's CommonJS runtime.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'node18',
      sourcemap: 'inline',
      sourcefile: filename,
      define: { 'import.meta.url': '__esm_import_meta_url' },
      banner: "var __esm_import_meta_url = require('url').pathToFileURL(__filename).href;",
      logLevel: 'silent',
    });
    return { code, map };
  },
};
