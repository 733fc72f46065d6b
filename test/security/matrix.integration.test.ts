/**
 * The permission matrix, proven: every identity × action × container of docs/permissions.md as a REST probe against
 * the emulator, for every shipped configuration and a three-party one. Fails on any unexpected allow or refusal, and
 * prints how many probes ran.
 */
import { buildMatrix, type MatrixRow } from '../../src/security/matrix';
import { containerLabel } from '../../src/security/policy';
import { permissionsConfigs } from './permissionsConfigs';
import { ProbeWorld, type Outcome } from './probes';

jest.setTimeout(600_000);

describe.each(permissionsConfigs().map((c) => [c.name, c.config] as const))('permission matrix: %s', (name, config) => {
  let world: ProbeWorld;
  beforeAll(async () => {
    world = await ProbeWorld.create(config);
  });
  afterAll(() => world?.close());

  it('SharePoint refuses exactly what the agreement forbids', async () => {
    const rows = buildMatrix(config);
    const unexpected: Array<{ row: MatrixRow; outcome: Outcome }> = [];
    let allowed = 0;
    for (const row of rows) {
      const outcome = await world.probe(row);
      if (outcome === 'allowed') allowed++;
      if (outcome !== (row.expected.allowed ? 'allowed' : 'refused')) unexpected.push({ row, outcome });
    }
    // The count goes in the README; printed so a run shows it.
    process.stdout.write(
      `permission matrix ${name}: ${rows.length} probes (${allowed} allowed, ${rows.length - allowed} refused), ` +
        `${world.requests} requests, ${unexpected.length} unexpected\n`,
    );
    expect(
      unexpected.map(
        ({ row, outcome }) =>
          `${row.identity.key} ${row.action} ${containerLabel(config, row.container)}: ${outcome}, expected ${row.expected.allowed ? 'allowed' : 'refused'} (${row.expected.rule})`,
      ),
    ).toEqual([]);
  });
});
