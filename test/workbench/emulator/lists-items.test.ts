import type { RunningEmulator } from '../../../workbench/emulator/server';
import { raw, spAs, start } from './helpers';

const API = '/sites/samenwerkingsruimte/_api';

/** Lists, fields and items through real PnPjs v4, plus SharePoint's error shapes at the HTTP boundary. */
describe('emulator: lists, fields, items', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
    const sp = spAs(emu.siteUrl, 'beheerder');
    await sp.web.lists.add('Taken', 'Werkafspraken', 100);
    const list = sp.web.lists.getByTitle('Taken');
    await list.fields.addText('Omschrijving', { MaxLength: 50 });
    await list.fields.addChoice('Status', { Choices: ['Open', 'Klaar'] });
    await list.fields.addNumber('Prioriteit');
    await list.fields.addDateTime('Deadline');
    await list.fields.addUser('Behandelaar');
    await list.fields.addBoolean('Urgent');
  });
  afterAll(() => emu.close());

  it('creates a list and answers it by title and by id', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const byTitle = await sp.web.lists.getByTitle('taken')();
    expect(byTitle.Title).toBe('Taken');
    expect(byTitle.ListItemEntityTypeFullName).toBe('SP.Data.TakenListItem');
    const byId = await sp.web.lists.getById(byTitle.Id)();
    expect(byId.Title).toBe('Taken');
  });

  it('adds fields with the verbose SP.Field* bodies PnPjs sends and returns them', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const status = await sp.web.lists.getByTitle('Taken').fields.getByInternalNameOrTitle('Status')();
    expect(status.TypeAsString).toBe('Choice');
    expect(status.Choices).toEqual(['Open', 'Klaar']);
    const r = await raw(
      emu,
      'beheerder',
      'GET',
      `${API}/web/lists/getbytitle('Taken')/fields?$filter=InternalName eq 'Behandelaar'`,
    );
    expect(r.json().value[0].TypeAsString).toBe('User');
  });

  it('creates, reads, filters, sorts, expands and updates items', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const list = sp.web.lists.getByTitle('Taken');
    const me = await sp.web.currentUser();
    const a = await list.items.add({
      Title: 'Eerste',
      Status: 'Open',
      Prioriteit: 2,
      Deadline: '2026-03-01T00:00:00Z',
      BehandelaarId: me.Id,
      Urgent: true,
    });
    await list.items.add({ Title: "O'Brien", Status: 'Klaar', Prioriteit: 1 });
    await list.items.add({ Title: 'Derde', Status: 'Open', Prioriteit: 3 });
    expect(a.Id).toBeGreaterThan(0);
    expect(a.Status).toBe('Open');

    const open = await list.items
      .filter("Status eq 'Open' and Prioriteit ge 2")
      .orderBy('Prioriteit', false)
      .select('Title', 'Prioriteit')();
    expect(open.map((i: { Title: string }) => i.Title)).toEqual(['Derde', 'Eerste']);
    const quoted = await list.items.filter("Title eq 'O''Brien'")();
    expect(quoted).toHaveLength(1);
    const dated = await list.items.filter("Deadline lt datetime'2026-04-01T00:00:00Z'")();
    expect(dated.map((i: { Title: string }) => i.Title)).toEqual(['Eerste']);
    const starts = await list.items.filter("startswith(Title,'Eer') or substringof('erd',Title)").top(1)();
    expect(starts).toHaveLength(1);
    const person = await list.items
      .filter(`Behandelaar/Id eq ${me.Id}`)
      .select('Title', 'Behandelaar/Title', 'Behandelaar/EMail')
      .expand('Behandelaar')();
    expect(person[0].Behandelaar).toMatchObject({
      Title: 'Sitebeheerder',
      EMail: 'beheerder@samenwerkingsruimte.example',
    });
    const nulls = await list.items.filter("Deadline eq null and not (Status eq 'Klaar')")();
    expect(nulls.map((i: { Title: string }) => i.Title)).toEqual(['Derde']);

    const item = list.items.getById(a.Id);
    const res = await item.update({ Title: 'Eerste (bijgewerkt)' });
    expect(res.etag).toBe('"2"');
    expect((await item()).Title).toBe('Eerste (bijgewerkt)');
    await item.delete();
    await expect(item()).rejects.toMatchObject({ status: 404 });
  });

  it('answers a stale etag with 412 and keeps the stored value', async () => {
    const sp = spAs(emu.siteUrl, 'beheerder');
    const list = sp.web.lists.getByTitle('Taken');
    const { Id } = await list.items.add({ Title: 'Etag' });
    await list.items.getById(Id).update({ Title: 'v2' }, '"1"');
    const err = await list.items
      .getById(Id)
      .update({ Title: 'v3' }, '"1"')
      .catch((e: { status: number; message: string }) => e);
    expect(err).toMatchObject({ status: 412 });
    expect((err as { message: string }).message).toContain(
      `The request ETag value '\\"1\\"' does not match the object's ETag value '\\"2\\"'`,
    );
    expect((await list.items.getById(Id)()).Title).toBe('v2');
  });

  it('refuses malformed OData and unknown fields with 400 naming the problem', async () => {
    const base = `${API}/web/lists/getbytitle('Taken')/items`;
    const unknown = await raw(emu, 'beheerder', 'GET', `${base}?$filter=${encodeURIComponent("Bestaatniet eq 'x'")}`);
    expect(unknown.status).toBe(400);
    expect(unknown.json()['odata.error'].message.value).toContain("Column 'Bestaatniet' does not exist");
    const syntax = await raw(emu, 'beheerder', 'GET', `${base}?$filter=${encodeURIComponent("Title eq 'x' and")}`);
    expect(syntax.status).toBe(400);
    expect(syntax.json()['odata.error'].message.value).toMatch(/not valid: .* at position 16/);
    const unterminated = await raw(emu, 'beheerder', 'GET', `${base}?$filter=${encodeURIComponent("Title eq 'x")}`);
    expect(unterminated.json()['odata.error'].message.value).toContain('unterminated string literal');
    const badType = await raw(emu, 'beheerder', 'GET', `${base}?$filter=${encodeURIComponent("Prioriteit eq 'hoog'")}`);
    expect(badType.status).toBe(400);
    expect(badType.json()['odata.error'].message.value).toContain("field 'Prioriteit'");
    const select = await raw(emu, 'beheerder', 'GET', `${base}?$select=Nope`);
    expect(select.json()['odata.error'].message.value).toBe("The field or property 'Nope' does not exist.");
  });

  it('refuses wrong value types and unknown properties on write with 400 naming the field', async () => {
    const list = spAs(emu.siteUrl, 'beheerder').web.lists.getByTitle('Taken');
    await expect(list.items.add({ Title: 'x', Prioriteit: 'hoog' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("field 'Prioriteit'"),
    });
    await expect(list.items.add({ Title: 'x', Urgent: 'ja' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("field 'Urgent'"),
    });
    await expect(list.items.add({ Title: 'x', Onbekend: 1 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("The property 'Onbekend' does not exist"),
    });
    await expect(list.items.add({ Title: 'x'.repeat(300) })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("field 'Title'"),
    });
    await expect(list.items.add({ Title: 'x', BehandelaarId: 99999 })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("field 'Behandelaar'"),
    });
  });

  it('checks __metadata as SharePoint does: only in verbose bodies, and naming the right item type', async () => {
    const url = `${API}/web/lists/getbytitle('Taken')/items`;
    const verbose = { 'Content-Type': 'application/json;odata=verbose', Accept: 'application/json;odata=verbose' };
    const ok = await raw(emu, 'beheerder', 'POST', url, {
      body: JSON.stringify({ __metadata: { type: 'SP.Data.TakenListItem' }, Title: 'verbose' }),
      headers: verbose,
    });
    expect(ok.status).toBe(201);
    expect(ok.json().d).toMatchObject({ Title: 'verbose', __metadata: { type: 'SP.Data.TakenListItem' } });
    const wrong = await raw(emu, 'beheerder', 'POST', url, {
      body: JSON.stringify({ __metadata: { type: 'SP.Data.AndersListItem' }, Title: 'x' }),
      headers: verbose,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json().error.message.value).toContain("A type named 'SP.Data.AndersListItem' could not be resolved");
    const minimal = await raw(emu, 'beheerder', 'POST', url, {
      body: JSON.stringify({ __metadata: { type: 'SP.Data.TakenListItem' }, Title: 'x' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(minimal.status).toBe(400);
    expect(minimal.json()['odata.error'].code).toBe('-1, Microsoft.Data.OData.ODataException');
  });

  it('answers 404 for a missing list, 501 for what it does not implement, 401 without identity', async () => {
    const missing = await raw(emu, 'beheerder', 'GET', `${API}/web/lists/getbytitle('Bestaat niet')`);
    expect(missing.status).toBe(404);
    expect(missing.json()['odata.error'].message.value).toBe(
      `List 'Bestaat niet' does not exist at site with URL '${emu.siteUrl}'.`,
    );
    const ni = await raw(emu, 'beheerder', 'GET', `${API}/web/navigation/quicklaunch`);
    expect(ni.status).toBe(501);
    expect(ni.json()['odata.error']).toEqual({
      code: '-1, Microsoft.SharePoint.Client.NotImplemented',
      message: { lang: 'en-US', value: `Emulator does not implement GET ${API}/web/navigation/quicklaunch` },
    });
    expect((await raw(emu, null, 'GET', `${API}/web`)).status).toBe(401);
    expect((await raw(emu, null, 'GET', `${API}/web`, { headers: { Cookie: 'EmuAuth=onbekend' } })).status).toBe(401);
    const viaCookie = await raw(emu, null, 'GET', `${API}/web/currentuser`, {
      headers: { Cookie: 'a=b; EmuAuth=beheerder' },
    });
    expect(viaCookie.json().LoginName).toBe('i:0#.f|membership|beheerder@samenwerkingsruimte.example');
    expect((await raw(emu, 'beheerder', 'GET', '/_layouts/15/start.aspx')).status).toBe(501);
  });

  it('requires a form digest on writes, as SharePoint does', async () => {
    const r = await raw(emu, 'beheerder', 'POST', `${API}/web/lists/getbytitle('Taken')/items`, {
      body: JSON.stringify({ Title: 'zonder digest' }),
      headers: { 'X-RequestDigest': '0xDEADBEEF,23 Nov 2026 10:00:00 -0000', 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(403);
    expect(r.json()['odata.error'].message.value).toContain('security validation');
  });

  it('indexes a field through update({ Indexed: true })', async () => {
    const field = spAs(emu.siteUrl, 'beheerder')
      .web.lists.getByTitle('Taken')
      .fields.getByInternalNameOrTitle('Status');
    await field.update({ Indexed: true });
    expect((await field()).Indexed).toBe(true);
  });
});

describe('emulator: lookup and multi-person fields', () => {
  it('stores and expands lookups and multi-valued people', async () => {
    const emu = await start();
    try {
      const sp = spAs(emu.siteUrl, 'beheerder');
      const partijen = await sp.web.lists.add('Partijen', '', 100);
      await sp.web.lists.getByTitle('Partijen').items.add({ Title: 'IGJ' });
      await sp.web.lists.add('Afspraken', '', 100);
      const list = sp.web.lists.getByTitle('Afspraken');
      await list.fields.addLookup('Partij', { LookupListId: partijen.Id, LookupFieldName: 'Title' });
      await list.fields.addUser('Deelnemers', { AllowMultipleValues: true } as never);
      const sanne = await sp.web.ensureUser('sanne.devries@igj.example');
      const bram = await sp.web.ensureUser('bram.jansen@cibg.example');
      await list.items.add({ Title: 'Overleg', PartijId: 1, DeelnemersId: [sanne.Id, bram.Id] });
      const [item] = await list.items
        .select('Title', 'Partij/Title', 'Deelnemers/Title', 'DeelnemersId')
        .expand('Partij', 'Deelnemers')();
      expect(item.Partij.Title).toBe('IGJ');
      expect(item.Deelnemers.map((d: { Title: string }) => d.Title)).toEqual(['Sanne de Vries', 'Bram Jansen']);
      expect(item.DeelnemersId).toEqual([sanne.Id, bram.Id]);
      expect(await list.items.filter(`Deelnemers/Id eq ${bram.Id}`)()).toHaveLength(1);
      expect(await list.items.filter("Partij/Title eq 'IGJ'")()).toHaveLength(1);
      const verbose = await raw(
        emu,
        'beheerder',
        'GET',
        "/sites/samenwerkingsruimte/_api/web/lists/getbytitle('Afspraken')/items(1)",
        { headers: { Accept: 'application/json;odata=verbose' } },
      );
      expect(verbose.json().d.__metadata).toMatchObject({ etag: '"1"', type: 'SP.Data.AfsprakenListItem' });
    } finally {
      await emu.close();
    }
  });
});

describe('emulator: column defaults', () => {
  it('gives new items and files the DefaultValue of columns the request leaves out', async () => {
    const emu = await start();
    try {
      const sp = spAs(emu.siteUrl, 'beheerder');
      await sp.web.lists.add('Stukken', '', 101);
      const lib = sp.web.lists.getByTitle('Stukken');
      await lib.fields.addChoice('Toetsstatus', {
        Choices: ['Te classificeren', 'Toegestaan'],
        DefaultValue: 'Te classificeren',
      } as never);
      await lib.fields.addBoolean('Vertrouwelijk', { DefaultValue: '0' } as never);
      await sp.web.getFolderByServerRelativePath('/sites/samenwerkingsruimte/Stukken').files.addUsingPath('a.txt', 'x');
      const item = await sp.web
        .getFileByServerRelativePath('/sites/samenwerkingsruimte/Stukken/a.txt')
        .listItemAllFields.select('Toetsstatus', 'Vertrouwelijk')<{ Toetsstatus: string; Vertrouwelijk: boolean }>();
      expect(item).toMatchObject({ Toetsstatus: 'Te classificeren', Vertrouwelijk: false });
    } finally {
      await emu.close();
    }
  });
});
