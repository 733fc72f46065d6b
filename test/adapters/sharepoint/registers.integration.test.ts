import {
  PnpAgreementRegister,
  PnpAuditLog,
  PnpBreachRegister,
  PnpMeetingStore,
  PnpReminderLog,
} from '../../../src/adapters/sharepoint';
import { ConcurrencyError } from '../../../src/ports/documents';
import type { AuditRecord, BreachEntry } from '../../../src/ports/registers';
import { seedSite } from '../../../workbench/seed/seed';
import { loadConfigFixture } from '../../helpers/config';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator';

/** The register adapters against a seeded emulator site. */
describe('register adapters against the emulator', () => {
  const config = loadConfigFixture();
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator();
    await seedSite(emu.siteUrl, { agreement: config });
  }, 180000);
  afterAll(async () => emu?.close());

  it('holds the seeded agreement itself, signed in Utrecht on 2025-06-04, with the accounthouders (art. 5, 14)', async () => {
    const page = await new PnpAgreementRegister(emu.spForUser('igj-accounthouder'), config).list('alle');
    const agreement = page.items.find((e) => e.kind === 'samenwerkingsovereenkomst')!;
    expect(agreement).toMatchObject({ signedOn: '2025-06-04', signedAt: 'Utrecht', title: config.agreement.title });
    expect(agreement.accounthouders.igj.person?.displayName).toBe('Pieter Bakker');
    expect(
      page.items
        .filter((e) => e.kind === 'dva')
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Dienstverleningsafspraken 2025', 'Dienstverleningsafspraken 2026']);
  });

  it("shows an accounthouder 'Mijn overeenkomsten' and the DVA's that run out", async () => {
    const mine = await new PnpAgreementRegister(emu.spForUser('cibg-accounthouder'), config).list('mijn');
    expect(mine.items.length).toBeGreaterThanOrEqual(4);
    const expiring = await new PnpAgreementRegister(
      emu.spForUser('cibg-accounthouder'),
      config,
      () => '2025-11-23',
    ).list('dva-verloopt');
    expect(expiring.items.map((e) => e.title)).toEqual(['Dienstverleningsafspraken 2025']);
  });

  it('records a change of the agreement as agreed only after a held bestuurlijk overleg and a new signature (art. 13.2-13.3)', async () => {
    const register = new PnpAgreementRegister(emu.spForUser('igj-accounthouder'), config);
    const meetings = new PnpMeetingStore(emu.spForUser('igj-accounthouder'));
    const current = (await register.list('alle')).items.find((e) => e.kind === 'samenwerkingsovereenkomst')!;
    const draft = await register.create({
      ...current,
      id: undefined,
      title: `${current.title} (wijziging 2026)`,
      status: 'concept',
      version: '2026-01',
      supersedesId: current.id,
      signedOn: undefined,
      history: [],
    });
    await expect(
      register.update(draft.id!, { status: 'ondertekend', signedOn: '2026-07-01' }, draft.etag),
    ).rejects.toMatchObject({
      name: 'RegisterRuleError',
      article: 'art. 13.2',
    });
    const planned = await meetings.create({
      series: 'bestuurlijk-overleg',
      title: 'Bestuurlijk overleg juni 2026',
      date: '2026-06-15T10:00:00Z',
      status: 'gepland',
      details: {},
    });
    // Refused by the rules before any write, so the draft's etag still holds for the next try.
    await expect(
      register.update(draft.id!, { status: 'ondertekend', signedOn: '2026-07-01', meetingId: planned.id }, draft.etag),
    ).rejects.toThrow(/geen gehouden bestuurlijk overleg/);
    await meetings.update(planned.id!, { status: 'gehouden' }, planned.etag);
    await expect(
      register.update(draft.id!, { status: 'ondertekend', signedOn: '2026-06-01', meetingId: planned.id }, draft.etag),
    ).rejects.toMatchObject({
      article: 'art. 13.3',
    });
    const agreed = await register.update(
      draft.id!,
      { status: 'ondertekend', signedOn: '2026-07-01', meetingId: planned.id },
      draft.etag,
    );
    expect(agreed).toMatchObject({ status: 'ondertekend', meetingId: planned.id, supersedesId: current.id });
    expect(agreed.history).toEqual([expect.objectContaining({ status: 'ondertekend', by: 'Pieter Bakker' })]);
    await expect(register.update(draft.id!, { status: 'in werking' }, agreed.etag)).rejects.toMatchObject({
      article: 'art. 14.1',
    });
  });

  it('refuses a stale register update (412)', async () => {
    const register = new PnpAgreementRegister(emu.spForUser('igj-accounthouder'), config);
    const entry = (await register.list('alle')).items.find((e) => e.kind === 'werkafspraak')!;
    await register.update(entry.id!, { version: '1.1' }, entry.etag);
    await expect(register.update(entry.id!, { version: '1.2' }, entry.etag)).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('appends an audit record once even when the append is retried, and keeps findings as counts', async () => {
    const log = new PnpAuditLog(emu.spForUser('cibg-medewerker'));
    const record: AuditRecord = {
      toetsId: 'toets-retry-1',
      at: '2026-11-23T10:00:00Z',
      user: { id: 0, displayName: 'Bram Jansen' },
      party: 'cibg',
      fileName: 'Overzicht.xlsx',
      decision: 'review',
      ruleVersion: 'igj-cibg@2025-06',
      answers: { personalData: true },
      findings: [{ kind: 'bsn', count: 3 }],
      reasons: [{ article: 'art. 9.2', text: 'BSN gevonden' }],
    };
    await log.append(record);
    await log.append(record);
    const mine = await log.list();
    expect(mine.items.filter((r) => r.toetsId === 'toets-retry-1')).toHaveLength(1);
    expect((await log.get('toets-retry-1'))!.findings).toEqual([{ kind: 'bsn', count: 3 }]);
  });

  it('keeps a breach report to the privacy officers and the reporter (AVG art. 33(5))', async () => {
    const entry: BreachEntry = {
      title: 'Mail met BIG-gegevens naar verkeerde ontvanger',
      reportedAt: '2026-11-23T09:00:00Z',
      discoveredAt: '2026-11-23T08:30:00Z',
      reportingParty: 'igj',
      controller: 'cibg',
      status: 'gemeld aan wederpartij',
      form: { omschrijving: 'Verkeerd geadresseerd' },
    };
    const created = await new PnpBreachRegister(emu.spForUser('igj-medewerker'), config.parties.map((p) => p.key)).create(entry);
    const visible = async (key: string): Promise<boolean> =>
      (await new PnpBreachRegister(emu.spForUser(key), config.parties.map((p) => p.key)).list()).items.some((b) => b.id === created.id);
    expect(await visible('igj-medewerker')).toBe(true);
    expect(await visible('igj-privacy')).toBe(true);
    expect(await visible('cibg-privacy')).toBe(true);
    expect(await visible('cibg-medewerker')).toBe(false);
    expect(await visible('igj-hoofdinspecteur')).toBe(false);
  });

  it('records a meeting and then that it was held with its verslag', async () => {
    const meetings = new PnpMeetingStore(emu.spForUser('igj-accounthouder'));
    const planned = await meetings.create({
      series: 'bestuurlijk-overleg',
      title: 'Bestuurlijk overleg 2026',
      date: '2026-06-04T10:00:00Z',
      status: 'gepland',
      details: {},
    });
    const held = await meetings.update(
      planned.id!,
      { status: 'gehouden', minutesUrl: `${emu.siteUrl}/Uitwisseling/Verslag.txt` },
      planned.etag,
    );
    expect(held).toMatchObject({ status: 'gehouden', minutesUrl: `${emu.siteUrl}/Uitwisseling/Verslag.txt` });
    expect((await meetings.list('bestuurlijk-overleg')).map((m) => m.id)).toContain(planned.id);
  });

  it('lets a reminder be claimed once across page loads', async () => {
    const a = new PnpReminderLog(emu.spForUser('igj-accounthouder'));
    const b = new PnpReminderLog(emu.spForUser('cibg-accounthouder'));
    const results = await Promise.all([
      a.claim('bestuurlijk-overleg:2026-06-04:30', {}),
      b.claim('bestuurlijk-overleg:2026-06-04:30', {}),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.claim('bestuurlijk-overleg:2026-06-04:30', {})).toBe(false);
  });
});
