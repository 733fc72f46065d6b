/**
 * Writes docs/permissions.md from the code (`npm run docs:permissions`): the permission levels, the grants and the
 * permission matrix of every shipped configuration.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { permissionsConfigs } from '../test/security/permissionsConfigs';
import { permissionsMarkdown } from '../src/security/permissionsDoc';

const target = join(__dirname, '..', 'docs', 'permissions.md');
writeFileSync(target, permissionsMarkdown(permissionsConfigs()));
console.log(`wrote ${target}`);
