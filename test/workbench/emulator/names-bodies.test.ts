import type { RunningEmulator } from '../../../workbench/emulator/server';
import { checkName, MAX_PATH_CHARS } from '../../../workbench/emulator/sharepoint/names';
import { raw, spAs, start } from './helpers';

const SITE = '/sites/samenwerkingsruimte';
const LIB = `${SITE}/Uitwisseling`;
const API = `${SITE}/_api/web`;

/** What SharePoint refuses as a file or folder name, and a JSON body sent under another Content-Type. */
describe('emulator: names and request bodies SharePoint refuses', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Uitwisseling', 'Gedeelde documenten', 101);
    await sp.web.lists.add('Notities', '', 100);
  });
  afterAll(() => emu.close());

  const refused = [
    'x\u0000.txt',
    'tab\tin.txt',
    'del\u007f.txt',
    'con.txt',
    'CON',
    'lpt1.docx',
    'desktop.ini',
    '.lock',
    '~$open.docx',
    'a_vti_b.txt',
    'vraag?.pdf',
    'a:b.pdf',
    'a|b.pdf',
    'a"b.pdf',
    ' spatie.pdf',
    'spatie.pdf ',
    'punt.',
  ];

  it.each(refused)('refuses %j in addUsingPath and stores nothing', async (name) => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const folder = sp.web.getFolderByServerRelativePath(LIB);
    await expect(folder.files.addUsingPath(name, 'inhoud', { Overwrite: true })).rejects.toMatchObject({ status: 400 });
    const files = await folder.files.select('Name')();
    expect(files.map((f) => f.Name)).not.toContain(name);
  });

  it('accepts ~ # % & { } and a leading dot (allowed since the ResourcePath APIs)', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const folder = sp.web.getFolderByServerRelativePath(LIB);
    for (const name of ['a~b.txt', 'nr #3.txt', '100%.txt', 'A&B.txt', '{x}.txt', '.gitignore']) {
      const added = await folder.files.addUsingPath(name, 'ok', { Overwrite: true });
      expect(added.Name).toBe(name);
    }
  });

  it('refuses a path of 400 characters or more, in a file name and in a folder chain', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const folder = sp.web.getFolderByServerRelativePath(LIB);
    const long = `${'a'.repeat(MAX_PATH_CHARS - LIB.length - 1 - 4 + 1)}.txt`; // one over the limit
    expect(`${LIB}/${long}`.length).toBe(MAX_PATH_CHARS + 1);
    await expect(folder.files.addUsingPath(long, 'x')).rejects.toMatchObject({ status: 400 });
    const fits = long.slice(1);
    expect((await folder.files.addUsingPath(fits, 'x')).Name).toBe(fits);
    const lib = sp.web.getFolderByServerRelativePath(LIB);
    await lib.folders.addUsingPath('m'.repeat(200));
    await expect(lib.folders.addUsingPath(`${'m'.repeat(200)}/${'n'.repeat(200)}`)).rejects.toMatchObject({
      status: 400,
    });
  });

  it('refuses a name SharePoint refuses when a file is moved or renamed', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.getFolderByServerRelativePath(LIB).files.addUsingPath('bron.txt', 'x', { Overwrite: true });
    const file = sp.web.getFileByServerRelativePath(`${LIB}/bron.txt`);
    await expect(file.moveByPath(`${LIB}/nul.txt`, false)).rejects.toMatchObject({ status: 400 });
    expect((await file.select('Name')()).Name).toBe('bron.txt');
  });

  it('checkName gives SharePoint its reasons', () => {
    expect(() => checkName('x\u0000.txt')).toThrow(/control character/);
    expect(() => checkName('Con.TXT')).toThrow(/reserved/);
    expect(() => checkName('ok.txt', `/${'p'.repeat(MAX_PATH_CHARS)}`)).toThrow(/400 characters or less/);
    expect(() => checkName('Forms', '/sites/s/Lib/Forms', true)).toThrow(/library root/);
    expect(() => checkName('forms', '/sites/s/Lib/Archief/forms', false)).not.toThrow();
    expect(() => checkName('rapport (def) [v2] +1 = €.pdf')).not.toThrow();
  });

  const wrongTypes = ['text/plain', 'text/xml; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data', ''];

  it.each(wrongTypes)('a JSON body sent as %j creates and changes nothing (400)', async (type) => {
    const headers: Record<string, string> = type ? { 'Content-Type': type } : {};
    const body = JSON.stringify({ Title: 'Onder verkeerde Content-Type' });
    const before = await raw(emu, 'beheerder', 'GET', `${API}/lists/getByTitle('Notities')/items?$select=Id,Title`);
    const add = await raw(emu, 'beheerder', 'POST', `${API}/lists/getByTitle('Notities')/items`, { body, headers });
    expect(add.status).toBe(400);
    expect(add.text).toMatch(/Content-Type/);
    const after = await raw(emu, 'beheerder', 'GET', `${API}/lists/getByTitle('Notities')/items?$select=Id,Title`);
    expect(after.json().value).toEqual(before.json().value);
  });

  it('a MERGE under a wrong Content-Type leaves the item as it was; application/json;odata=… is accepted', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const { Id } = await sp.web.lists.getByTitle('Notities').items.add({ Title: 'Origineel' });
    const merge = (type: string, title: string) =>
      raw(emu, 'beheerder', 'POST', `${API}/lists/getByTitle('Notities')/items(${Id})`, {
        body: JSON.stringify({ Title: title }),
        headers: { 'Content-Type': type, 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
      });
    expect((await merge('text/plain', 'Gewijzigd')).status).toBe(400);
    expect((await sp.web.lists.getByTitle('Notities').items.getById(Id).select('Title')()).Title).toBe('Origineel');
    expect((await merge('application/json;odata=nometadata', 'Gewijzigd')).status).toBe(204);
    expect((await merge('Application/JSON; charset=utf-8', 'Nogmaals')).status).toBe(204);
  });

  it('a body-less POST needs no Content-Type (recycle)', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const { Id } = await sp.web.lists.getByTitle('Notities').items.add({ Title: 'Weg' });
    const r = await raw(emu, 'beheerder', 'POST', `${API}/lists/getByTitle('Notities')/items(${Id})/recycle()`);
    expect(r.status).toBe(200);
  });
});
