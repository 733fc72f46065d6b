/*
 * SPFx 1.23 gulp toolchain (`gulp bundle --ship`, `gulp package-solution --ship`): `npm run package` drives it.
 * No suppressions: a ship build must stay free of warnings, so a warning is fixed at its source.
 */
'use strict';

const build = require('@microsoft/sp-build-web');

build.initialize(require('gulp'));
