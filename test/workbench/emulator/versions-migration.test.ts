import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../workbench/emulator/db';
import { startEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, tempDatabase } from './helpers';

const SITE = '/sites/samenwerkingsruimte';

/**
 * Turns a database written by this emulator back into the schema of the emulator before versions (user_version 1):
 * no major/minor columns, no published versions, no _UIVersion/_Level columns; the old counter is what it was.
 */
function downgradeToV1(file: string): void {
  const db = new BetterSqlite3(file);
  db.exec(`
    DROP TRIGGER sp_items_drop_published;
    DROP INDEX sp_items_drafts;
    DROP TABLE sp_published;
    ALTER TABLE sp_items DROP COLUMN major;
    ALTER TABLE sp_items DROP COLUMN minor;
    DELETE FROM sp_fields WHERE internal_name IN ('_UIVersion', '_Level');
    UPDATE sp_items SET version = 3 WHERE file_ref LIKE '%/oud.txt';
    PRAGMA user_version = 1;
  `);
  db.close();
}

/** A database written before versions existed upgrades in place: every old row is a published major version. */
describe('emulator: version migration', () => {
  const dbFile = tempDatabase('emu-versions-');

  it('upgrades an old-format database and keeps its rows readable and published', async () => {
    const first = await startEmulator({ port: 0, dbFile });
    const sp = spAs(first.siteUrl, 'beheerder');
    await sp.web.lists.add('Oud archief', '', 101);
    await sp.web.getFolderByServerRelativePath(`${SITE}/Oud archief`).files.addUsingPath('oud.txt', 'oude inhoud');
    await sp.web.lists.add('Oude lijst', '', 100);
    await sp.web.lists.getByTitle('Oude lijst').items.add({ Title: 'regel' });
    const g = await sp.web.siteGroups.add({ Title: 'Lezers' });
    await sp.web.siteGroups.getByName('Lezers').users.add('i:0#.f|membership|bram.jansen@cibg.example');
    await sp.web.roleAssignments.add(g.Id, 1073741826);
    await first.close();
    downgradeToV1(dbFile);

    const second = await startEmulator({ port: 0, dbFile });
    try {
      const health = await raw(second, null, 'GET', '/_emulator/health');
      expect(health.json().schemaVersion).toBe(2);
      const admin = spAs(second.siteUrl, 'beheerder');
      // Minor versions turned on after the fact: the old file is a published major version for readers too.
      await admin.web.lists
        .getByTitle('Oud archief')
        .update({ EnableMinorVersions: true, DraftVersionVisibility: 1 });
      const reader = spAs(second.siteUrl, 'cibg-medewerker');
      const file = reader.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`);
      expect(await file.select('UIVersionLabel', 'Level', 'MajorVersion', 'MinorVersion')()).toMatchObject({
        UIVersionLabel: '3.0',
        Level: 1,
        MajorVersion: 3,
        MinorVersion: 0,
      });
      expect(await file.getText()).toBe('oude inhoud');
      const item = await file.listItemAllFields.select('OData__UIVersionString', 'OData__UIVersion', 'OData__Level')();
      expect(item).toMatchObject({ OData__UIVersionString: '3.0', OData__UIVersion: 1536, OData__Level: 1 });
      const rows = await reader.web.lists.getByTitle('Oude lijst').items.select('Title', 'OData__UIVersionString')();
      expect(rows).toEqual([expect.objectContaining({ Title: 'regel', OData__UIVersionString: '1.0' })]);
      // The first edit after the upgrade is draft 3.1; the reader keeps the published 3.0 and its bytes.
      await admin.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`).setContent('nieuwe inhoud');
      expect((await file.select('UIVersionLabel')()).UIVersionLabel).toBe('3.0');
      expect(await file.getText()).toBe('oude inhoud');
      expect(
        (await admin.web.getFileByServerRelativePath(`${SITE}/Oud archief/oud.txt`).select('UIVersionLabel')())
          .UIVersionLabel,
      ).toBe('3.1');
    } finally {
      await second.close();
    }
  });

  it('migrates a fresh database to the current schema', () => {
    const db = openDatabase();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const cols = (db.prepare(`PRAGMA table_info(sp_items)`).all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['major', 'minor']));
    db.close();
  });
});
