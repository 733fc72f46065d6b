/**
 * Seeds the workbench site the way a site owner would set up a tenant: provisioning as `beheerder` through the same
 * adapters, group membership from the autorisatielijst by function title, then demo documents and register entries
 * shared by the demo users themselves. Idempotent: a second run adds nothing.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { SPFI } from '@pnp/sp';
import {
  PnpAgreementRegister,
  PnpAuditLog,
  PnpConfigTrail,
  PnpDocumentStore,
  PnpMeetingStore,
  PnpSiteDirectory,
  Resilience,
} from '../../src/adapters/sharepoint';
import { formatConfigErrors, loadAgreement } from '../../src/domain/agreement';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { effectiveDate, groupsForFunctionTitle } from '../../src/domain/agreement/queries';
import { keepUntil } from '../../src/domain/retention';
import { contentHash } from '../../src/domain/common/hash';
import type { AgreementEntry } from '../../src/ports/registers';
import { provisionSite } from '../../src/provisioning/provisioner';
import { folderForDocument } from '../../src/provisioning/folders';
import type { ProvisionReport } from '../../src/provisioning/report';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import { placeUpload } from '../../src/upload/place';
import { spForUser } from './clients';
import { DEMO_DOCUMENTS } from './demoContent';
import { seedTeam } from './team';
import { usersOfAgreement } from './users';

/** A demo identity from users.json. */
interface SeedUser {
  key: string;
  displayName: string;
  email: string;
  jobTitle: string;
  party: string | null;
}

/** Options of {@link seedSite}. */
export interface SeedOptions {
  /** The agreement configuration (validated here; a broken one stops the seed naming every field). */
  agreement: unknown;
  /** Demo identities; default workbench/seed/users.json. */
  users?: SeedUser[];
  /** Progress lines. */
  log?: (line: string) => void;
  /** Clock for upload dates and retention. */
  now?: () => Date;
}

/** What the seed did. */
export interface SeedReport {
  provisioning: ProvisionReport;
  memberships: number;
  documents: number;
  registerEntries: number;
  meetings: number;
}

/** The demo identities of users.json. */
function defaultUsers(): SeedUser[] {
  return (JSON.parse(readFileSync(join(__dirname, 'users.json'), 'utf8')) as { users: SeedUser[] }).users;
}

/** PnPjs for a demo user with the product's resilience behaviour. */
function spFor(siteUrl: string, key: string): SPFI {
  return spForUser(siteUrl, key).using(Resilience());
}

/** Adds every demo user to the groups the autorisatielijst gives their function title (art. 1e, 10.1). */
async function seedMemberships(
  sp: SPFI,
  config: AgreementConfig,
  users: SeedUser[],
  log: (l: string) => void,
): Promise<number> {
  const directory = new PnpSiteDirectory(sp, config);
  let count = 0;
  for (const user of users) {
    if (!user.party) continue; // an outsider is on no autorisatielijst
    for (const group of groupsForFunctionTitle(config, user.party, user.jobTitle)) {
      await directory.addToGroup(group.key, user.email);
      count++;
    }
  }
  log(`groepslidmaatschappen: ${count}`);
  return count;
}

/** Shares the demo documents as their uploaders, with an audit record each; skips files already there. */
async function seedDocuments(
  siteUrl: string,
  config: AgreementConfig,
  now: Date,
  log: (l: string) => void,
): Promise<number> {
  let count = 0;
  for (const doc of DEMO_DOCUMENTS) {
    const sp = spFor(siteUrl, doc.uploader);
    const store = new PnpDocumentStore(sp, config);
    if (await store.exists(doc.file)) continue;
    const activity = doc.retentionFrom
      ? config.processingActivities.find((a) => a.key === doc.retentionFrom)
      : undefined;
    const toetsId = `seed-${doc.file.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
    const metadata = {
      ...doc.metadata,
      toetsId,
      ...(activity ? { retainUntil: keepUntil(activity, now).toISOString().slice(0, 10) } : {}),
    };
    const me: { Id: number; Title: string; Email: string } = await sp.web.currentUser.select('Id', 'Title', 'Email')();
    const content = new Uint8Array(readFileSync(join(__dirname, 'documents', doc.file)));
    const hash = await contentHash(content);
    await new PnpAuditLog(sp, config.parties.map((p) => p.key)).append({
      ...(hash ? { contentHash: hash } : {}),
      toetsId,
      at: now.toISOString(),
      user: { id: me.Id, displayName: me.Title, email: me.Email },
      party: metadata.party,
      fileName: doc.file,
      ...(metadata.activity ? { activity: metadata.activity } : {}),
      decision: 'toegestaan',
      ruleVersion: `${config.id}@${config.agreement.version}`,
      answers: {
        documentType: metadata.documentType,
        classification: metadata.classification,
        categories: metadata.categories,
        seeded: true,
      },
      findings: [],
      reasons: [{ article: 'art. 8', text: 'Voorbeelddocument van de werkbank' }],
    });
    // The same steps as the dialog (src/upload/place.ts): bytes, metadata, move, publish, each reading first.
    const result = await placeUpload(
      { config, documents: store, user: { id: me.Id } },
      { fileName: doc.file, content, metadata },
    );
    if (result.state !== 'done') {
      throw new Error(`Seed: '${doc.file}' onvolledig (${result.step ?? ''}): ${String(result.error)}`);
    }
    count++;
  }
  log(`documenten: ${count} gedeeld`);
  return count;
}

/** Server-relative URL of a demo document: it lives in the folder of the party that shared it (shared or restricted). */
function demoUrl(config: AgreementConfig, libraryUrl: string, file: string): string {
  const doc = DEMO_DOCUMENTS.find((d) => d.file === file);
  if (!doc) throw new Error(`Seed: '${file}' is geen voorbeelddocument.`);
  return `${libraryUrl}/${folderForDocument(config, doc.metadata)}/${file}`;
}

/** Adds months to a YYYY-MM-DD date. */
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The register entries: the agreement itself (signed Utrecht 2025-06-04), a werkafspraak and the DVA's. */
function registerEntries(
  config: AgreementConfig,
  accounthouders: AgreementEntry['accounthouders'],
  libraryUrl: string,
): AgreementEntry[] {
  const a = config.agreement;
  const parties = config.parties.map((p) => p.key);
  const effective = effectiveDate(config);
  const base = { parties, accounthouders, details: { voorbeeld: true } };
  return [
    {
      ...base,
      kind: a.kind,
      title: a.title,
      status: effective ? 'in werking' : 'ondertekend',
      signedOn: a.signedOn,
      signedAt: a.signedAt,
      ...(a.staatscourant?.reference ? { staatscourant: a.staatscourant.reference } : {}),
      ...(a.staatscourant?.publishedOn ? { publishedOn: a.staatscourant.publishedOn } : {}),
      ...(effective ? { effectiveFrom: effective, evaluationDue: addMonths(effective, a.evaluationAfterMonths) } : {}),
      version: a.version,
      documents: [],
      // the steps the register would have taken: signed, published (when it was), in force (art. 14.1)
      history: [
        { status: 'ondertekend', at: `${a.signedOn}T12:00:00Z`, note: `Ondertekend te ${a.signedAt}` },
        ...(effective && a.staatscourant?.publishedOn ? [{ status: 'gepubliceerd' as const, at: `${a.staatscourant.publishedOn}T12:00:00Z` }] : []),
        ...(effective ? [{ status: 'in werking' as const, at: `${effective}T00:00:00Z` }] : []),
      ],
      details: { voorbeeld: false, signatories: a.signatories },
    },
    {
      ...base,
      kind: 'werkafspraak',
      title: 'Werkafspraak uitwisseling registerinformatie',
      status: 'in werking',
      effectiveFrom: '2025-09-01',
      version: '1.0',
      documents: [demoUrl(config, libraryUrl, 'Werkafspraak uitwisseling registerinformatie IGJ-CIBG.txt')],
      history: [{ status: 'in werking', at: '2025-09-01T09:00:00Z' }],
    },
    {
      ...base,
      kind: 'dva',
      title: 'Dienstverleningsafspraken 2025',
      status: 'in werking',
      effectiveFrom: '2025-01-01',
      expiresOn: '2025-12-31',
      version: '2025',
      documents: [demoUrl(config, libraryUrl, 'DVA IGJ-CIBG 2025.txt')],
      history: [{ status: 'in werking', at: '2025-01-01T09:00:00Z' }],
    },
    {
      ...base,
      kind: 'dva',
      title: 'Dienstverleningsafspraken 2026',
      status: 'concept',
      effectiveFrom: '2026-01-01',
      expiresOn: '2026-12-31',
      version: '2026',
      documents: [demoUrl(config, libraryUrl, 'DVA IGJ-CIBG 2026.txt')],
      history: [{ status: 'concept', at: '2025-11-01T09:00:00Z' }],
    },
  ];
}

/** Adds the register entries as the IGJ accounthouder; skips titles already present. */
async function seedRegister(
  siteUrl: string,
  admin: SPFI,
  config: AgreementConfig,
  users: SeedUser[],
  log: (l: string) => void,
): Promise<number> {
  const directory = new PnpSiteDirectory(admin, config);
  const accounthouders: AgreementEntry['accounthouders'] = {};
  for (const p of config.parties) {
    const user = users.find(
      (u) => u.party === p.key && u.jobTitle.toLowerCase() === p.accounthouder.functionTitle.toLowerCase(),
    );
    accounthouders[p.key] = user
      ? {
          functionTitle: p.accounthouder.functionTitle,
          person: { id: await directory.ensureUser(user.email), displayName: user.displayName, email: user.email },
        }
      : { functionTitle: p.accounthouder.functionTitle };
  }
  const editorKey = users.find((u) => u.key.endsWith('accounthouder'))?.key ?? 'beheerder';
  const register = new PnpAgreementRegister(spFor(siteUrl, editorKey), config);
  const existing = new Set<string>();
  for (let token: string | undefined, first = true; first || token; first = false) {
    const page = await register.list('alle', token);
    page.items.forEach((e) => existing.add(e.title));
    token = page.nextPageToken;
  }
  const lib: { ServerRelativeUrl: string } = await admin.web.lists
    .getByTitle(config.space.exchangeLibraryTitle)
    .rootFolder.select('ServerRelativeUrl')();
  let count = 0;
  for (const entry of registerEntries(config, accounthouders, lib.ServerRelativeUrl)) {
    if (existing.has(entry.title)) continue;
    await register.create(entry);
    count++;
  }
  log(`overeenkomstenregister: ${count} toegevoegd`);
  return count;
}

/** Meetings already held: the bestuurlijk overleg at signing (art. 7) and an ambtelijk overleg (art. 6) with its verslag. */
async function seedMeetings(
  siteUrl: string,
  config: AgreementConfig,
  libraryUrl: string,
  log: (l: string) => void,
): Promise<number> {
  const store = new PnpMeetingStore(spFor(siteUrl, 'igj-accounthouder'));
  const existing = new Set((await store.list()).map((m) => m.title));
  const byKind = (kind: string): string | undefined => config.meetings.find((m) => m.kind === kind)?.key;
  const planned = [
    {
      kind: 'bestuurlijk',
      title: 'Bestuurlijk overleg bij ondertekening',
      date: `${config.agreement.signedOn}T10:00:00Z`,
      minutes: undefined,
    },
    {
      kind: 'ambtelijk',
      title: 'Ambtelijk overleg november 2025',
      date: '2025-11-13T13:30:00Z',
      minutes: demoUrl(config, libraryUrl, 'Overlegstuk ambtelijk overleg november 2025.txt'),
    },
  ];
  let count = 0;
  for (const m of planned) {
    const series = byKind(m.kind);
    if (!series || existing.has(m.title)) continue;
    await store.create({
      series,
      title: m.title,
      date: m.date,
      status: 'gehouden',
      ...(m.minutes ? { minutesUrl: `${new URL(siteUrl).origin}${m.minutes}` } : {}),
      details: { voorbeeld: true },
    });
    count++;
  }
  log(`overleggen: ${count} toegevoegd`);
  return count;
}

/**
 * The accounthouder of each party acknowledges the configuration as provisioned (art. 13.3: the agreement as signed);
 * a later change is then flagged to them until they acknowledge it again. Skips a party that already did.
 */
async function seedAcknowledgements(
  siteUrl: string,
  config: AgreementConfig,
  users: SeedUser[],
  log: (l: string) => void,
): Promise<void> {
  let count = 0;
  for (const p of config.parties) {
    const user = users.find(
      (u) => u.party === p.key && u.jobTitle.toLowerCase() === p.accounthouder.functionTitle.toLowerCase(),
    );
    if (!user) continue;
    const trail = new PnpConfigTrail(spFor(siteUrl, user.key), config.parties.map((p) => p.key), siteUrl);
    const version = await trail.current();
    const acks = await trail.acknowledgements();
    if (acks.some((a) => a.key === version.key && a.party === p.key)) continue;
    await trail.acknowledge(version, p.key);
    count++;
  }
  log(`bevestigingen configuratie: ${count}`);
}

/** Seeds (or re-checks) the demo site at `siteUrl`. */
export async function seedSite(siteUrl: string, opts: SeedOptions): Promise<SeedReport> {
  const loaded = loadAgreement(opts.agreement);
  if (!loaded.ok)
    throw new Error(`Seed: configuratie ongeldig:\n${formatConfigErrors(loaded.errors, 'nl').join('\n')}`);
  const config = loaded.config;
  const log = opts.log ?? (() => undefined);
  const users = usersOfAgreement(opts.users ?? defaultUsers(), config);
  const now = opts.now?.() ?? new Date();
  await seedTeam(new URL(siteUrl).origin, config, users);
  const admin = spFor(siteUrl, 'beheerder');
  const provisioning = await provisionSite(admin, buildSiteSchema(config), config);
  log(`provisioning: ${provisioning.changed} wijzigingen in ${provisioning.steps.length} stappen`);
  const memberships = await seedMemberships(admin, config, users, log);
  const documents = await seedDocuments(siteUrl, config, now, log);
  const entries = await seedRegister(siteUrl, admin, config, users, log);
  const lib: { ServerRelativeUrl: string } = await admin.web.lists
    .getByTitle(config.space.exchangeLibraryTitle)
    .rootFolder.select('ServerRelativeUrl')();
  const meetings = await seedMeetings(siteUrl, config, lib.ServerRelativeUrl, log);
  await seedAcknowledgements(siteUrl, config, users, log);
  return { provisioning, memberships, documents, registerEntries: entries, meetings };
}
