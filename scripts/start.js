#!/usr/bin/env node
/*
 * `npm start`: builds the workbench's browser bundle (skipped when up to date), then starts the SharePoint + Graph
 * emulator with the workbench page on 127.0.0.1 (port 4320 unless `--port N`), seeding the IGJ–CIBG demo site on the
 * first run. The database (workbench/.data/) survives restarts; `npm start -- --reseed` wipes it and seeds again.
 * `npm start -- --help` lists the options.
 */
const { buildWorkbench } = require('./build-workbench');

async function start() {
  const argv = process.argv.slice(2);
  if (!argv.includes('--help') && !argv.includes('-h')) await buildWorkbench();
  // The workbench server is TypeScript (it shares the product's types); tsx compiles it on the fly.
  require('tsx/cjs/api').register();
  const { main } = require('../workbench/cli.ts');
  await main(argv);
}

start().catch((e) => {
  console.error(`[workbench] failed to start: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
