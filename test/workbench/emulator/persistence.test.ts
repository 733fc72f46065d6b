import { resetDatabase, startEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, tempDatabase } from './helpers';

/** Everything stored survives a restart on the same database file; resetDatabase starts over. */
describe('emulator: persistence', () => {
  const dbFile = tempDatabase('emu-persist-');

  it('keeps lists, items, files, groups and permissions across a restart', async () => {
    const first = await startEmulator({ port: 0, dbFile });
    const sp = spAs(first.siteUrl, 'beheerder');
    await sp.web.lists.add('Blijvend', '', 100);
    await sp.web.lists.getByTitle('Blijvend').items.add({ Title: 'bewaard' });
    await sp.web.lists.add('Docs', '', 101);
    await sp.web.getFolderByServerRelativePath('/sites/samenwerkingsruimte/Docs').files.addUsingPath('a.txt', 'inhoud');
    const g = await sp.web.siteGroups.add({ Title: 'Blijvende groep' });
    await sp.web.lists.getByTitle('Blijvend').breakRoleInheritance(false);
    await sp.web.lists.getByTitle('Blijvend').roleAssignments.add(g.Id, 1073741826);
    await first.close();

    const second = await startEmulator({ port: 0, dbFile });
    try {
      const sp2 = spAs(second.siteUrl, 'beheerder');
      expect((await sp2.web.lists.getByTitle('Blijvend').items()).map((i: { Title: string }) => i.Title)).toEqual([
        'bewaard',
      ]);
      expect(await sp2.web.getFileByServerRelativePath('/sites/samenwerkingsruimte/Docs/a.txt').getText()).toBe(
        'inhoud',
      );
      const ras = await sp2.web.lists.getByTitle('Blijvend').roleAssignments();
      expect(ras.map((r: { PrincipalId: number }) => r.PrincipalId)).toContain(g.Id);
      // A failed write (bad value) leaves nothing behind.
      await expect(sp2.web.lists.getByTitle('Blijvend').items.add({ Title: 5 })).rejects.toMatchObject({ status: 400 });
      expect(await sp2.web.lists.getByTitle('Blijvend').items()).toHaveLength(1);
      resetDatabase(second.db);
      expect(
        (await raw(second, 'beheerder', 'GET', "/sites/samenwerkingsruimte/_api/web/lists/getbytitle('Blijvend')"))
          .status,
      ).toBe(404);
      expect((await sp2.web.siteGroups()).map((x: { Title: string }) => x.Title)).toEqual([
        'Samenwerkingsruimte Owners',
        'Samenwerkingsruimte Visitors',
        'Samenwerkingsruimte Members',
      ]);
    } finally {
      await second.close();
    }
  });
});

describe('emulator: a crashing handler', () => {
  it('answers 500 with a message and rolls back what the handler wrote', async () => {
    const emu = await startEmulator({
      port: 0,
      extraHandlers: [
        async (req, ctx) => {
          if (req.path !== '/crash') return null;
          ctx.db.prepare(`INSERT INTO sp_meta (key, value) VALUES ('half', 'written')`).run();
          throw new Error('boom');
        },
      ],
    });
    try {
      const r = await raw(emu, null, 'POST', '/crash');
      expect(r.status).toBe(500);
      expect(r.json()['odata.error'].message.value).toContain('boom');
      expect(emu.db.prepare(`SELECT 1 FROM sp_meta WHERE key = 'half'`).get()).toBeUndefined();
      expect((await raw(emu, 'beheerder', 'GET', '/sites/samenwerkingsruimte/_api/web')).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
