/*
 * SPFx 1.23 gulp toolchain (`gulp bundle --ship`, `gulp package-solution --ship`): `npm run package` drives it.
 * No suppressions: a ship build must stay free of warnings, so a warning is fixed at its source.
 */
'use strict';

const build = require('@microsoft/sp-build-web');

// The personal-data scan's workers, pdf.js's worker and the OCR data ship as package assets, so PDFs and scans are
// read offline (config/scan-assets.js). Additive: an additionalConfiguration set before this one still runs first.
{
  const { ScanAssetsPlugin } = require('./config/scan-assets');
  const previous = build.configureWebpack.taskConfig.additionalConfiguration;
  build.configureWebpack.mergeConfig({
    additionalConfiguration: (config) => {
      const merged = previous ? previous(config) : config;
      merged.plugins = [...(merged.plugins || []), new ScanAssetsPlugin()];
      return merged;
    },
  });
}

// PnPjs's three packages each install their own tslib 2.8.1 (node_modules/@pnp/*/node_modules/tslib), and webpack
// bundled each copy. One copy serves them all and the rest of the tree (tslib 2.x keeps every helper of older 2.x).
{
  const { dirname } = require('path');
  const tslib = dirname(require.resolve('tslib/package.json', { paths: [dirname(require.resolve('@pnp/sp/package.json'))] }));
  const previous = build.configureWebpack.taskConfig.additionalConfiguration;
  build.configureWebpack.mergeConfig({
    additionalConfiguration: (config) => {
      const merged = previous ? previous(config) : config;
      merged.resolve = { ...(merged.resolve || {}), alias: { ...((merged.resolve || {}).alias || {}), tslib } };
      return merged;
    },
  });
}

build.initialize(require('gulp'));
