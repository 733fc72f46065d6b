/**
 * Runs the permission matrix against the emulator over plain REST, as each identity: a site provisioned from the
 * configuration exactly as a site owner provisions a tenant, a Team with every identity as member, one user per
 * identity kind in the groups it names, and a fixture per container. Each probe is one HTTP request an insider could
 * send from the browser console with their own cookie and form digest; 2xx counts as allowed, 401/403/404 as refused,
 * anything else as an error (a malformed probe must never pass for a refusal).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { AgreementConfig } from '../../src/domain/agreement/schema';
import { PnpSiteDirectory } from '../../src/adapters/sharepoint';
import { restrictedFolderName, reviewFolderName, sharedFolderName } from '../../src/provisioning/folders';
import { provisionSite } from '../../src/provisioning/provisioner';
import { buildSiteSchema } from '../../src/provisioning/siteSchema';
import {
  ACK,
  AGR,
  AUDIT,
  BREACH,
  BREACH_LOG,
  CONFIG_FILE,
  LISTS,
  MEETING,
  REMINDER,
  acknowledgementListTitle,
  breachLogTitle,
  reviewListTitle,
} from '../../src/provisioning/names';
import { identities, type Identity, type MatrixRow } from '../../src/security/matrix';
import type { Action, Container } from '../../src/security/policy';
import { startEmulator, type RunningEmulator } from '../../workbench/emulator/server';
import { spForUser } from '../../workbench/seed/clients';

/** One probe's outcome. */
export type Outcome = 'allowed' | 'refused' | 'error';

/** A user of the probe world. */
interface ProbeUser {
  key: string;
  email: string;
  login: string;
  id: number;
}

/** A file or item a probe acts on. */
interface Fixture {
  /** Server-relative URL (files). */
  url?: string;
  listId: string;
  itemId: number;
  /** Set once an allowed probe changed it so that the next probe needs a fresh one. */
  consumed: boolean;
}

/** Actions after which a fixture cannot serve the next probe (when they were allowed). */
const CONSUMING: ReadonlySet<Action> = new Set([
  'delete',
  'recycle',
  'move',
  'publish',
  'unpublish',
  'versionDelete',
  'breakInheritance',
]);

/** The world the probes run in. */
export class ProbeWorld {
  private readonly digests = new Map<string, string>();
  private readonly users = new Map<string, ProbeUser>();
  private readonly listIds = new Map<string, string>();
  private readonly fixtures = new Map<string, Fixture>();
  private seq = 0;
  public readonly ids: Identity[];
  public requests = 0;

  private constructor(
    public readonly emu: RunningEmulator,
    public readonly config: AgreementConfig,
    private readonly dir: string,
  ) {
    this.ids = identities(config);
  }

  /** Starts an emulator with one user per identity kind, the Team, the provisioned site and the memberships. */
  public static async create(config: AgreementConfig): Promise<ProbeWorld> {
    const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
    const ids = identities(config);
    const domain = (party: string | null): string =>
      (party && config.parties.find((p) => p.key === party)?.emailDomains[0]) || 'extern.example';
    const people = [
      ...ids.map((i) => ({ key: i.key, party: i.party })),
      ...config.parties.map((p) => ({ key: `author-${p.key}`, party: p.key })),
    ].map((u) => ({
      key: u.key,
      displayName: u.key,
      email: `${u.key}@${u.key === 'owner' ? 'samenwerkingsruimte.example' : domain(u.party)}`,
      jobTitle: u.key,
      party: u.party,
    }));
    const usersFile = join(dir, 'users.json');
    writeFileSync(usersFile, JSON.stringify({ users: people }));
    const emu = await startEmulator({ port: 0, dbFile: join(dir, 'emulator.sqlite'), usersFile });
    const world = new ProbeWorld(emu, config, dir);
    await world.defineTeam(people.map((p) => p.key));
    const admin = spForUser(emu.siteUrl, 'beheerder');
    await provisionSite(admin, buildSiteSchema(config), config);
    const directory = new PnpSiteDirectory(admin, config);
    for (const p of people) {
      const id = ids.find((i) => i.key === p.key);
      const groups = id ? id.groups : config.groups.filter((g) => g.kind === 'members' && g.party === p.party).map((g) => g.key);
      for (const g of groups) await directory.addToGroup(g, p.email);
      if (id?.siteOwner) await admin.web.associatedOwnerGroup.users.add(`i:0#.f|membership|${p.email}`);
      const user = await admin.web.siteUsers.getByEmail(p.email).select('Id', 'LoginName')<{ Id: number; LoginName: string }>();
      world.users.set(p.key, { key: p.key, email: p.email, login: user.LoginName, id: user.Id });
    }
    const lists: Array<{ Id: string; Title: string }> = await admin.web.lists.select('Id', 'Title')();
    for (const l of lists) world.listIds.set(l.Title, l.Id);
    const docs = await admin.web.defaultDocumentLibrary.select('Id', 'Title')<{ Id: string; Title: string }>();
    world.listIds.set('$documents', docs.Id);
    const root = await admin.web.lists
      .getByTitle(config.space.exchangeLibraryTitle)
      .rootFolder.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
    world.libraryUrl = root.ServerRelativeUrl;
    await world.locateChannelFolder();
    return world;
  }

  /** The Team: every user a member, the site admin its owner (as a Team site is created). */
  private async defineTeam(memberKeys: string[]): Promise<void> {
    const space = this.config.space;
    const r = await fetch(`${this.emu.url}/_emulator/team`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: space.teamId ?? '6f3e2a1c-9b7d-4e58-a2c4-1d0b8e7f5a93',
        displayName: 'Samenwerkingsruimte',
        owners: ['beheerder'],
        members: memberKeys,
        channels: [
          { id: space.reminderChannelId ?? '19:general@thread.tacv2', displayName: 'General', membershipType: 'standard' },
        ],
      }),
    });
    if (!r.ok) throw new Error(`team: ${r.status} ${await r.text()}`);
  }

  /** Stops the emulator and removes its files. */
  public async close(): Promise<void> {
    await this.emu.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** One HTTP request as a user; the status. */
  private async http(userKey: string, method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<number> {
    const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata', 'X-Emulator-User': userKey, ...(init.headers ?? {}) };
    if (method !== 'GET') headers['X-RequestDigest'] = await this.digest(userKey);
    if (typeof init.body === 'string' && !headers['content-type']) headers['content-type'] = 'application/json';
    this.requests++;
    const r = await fetch(`${this.emu.url}${path}`, { method, headers, body: init.body });
    await r.arrayBuffer();
    return r.status;
  }

  /** The user's form digest (bound to the user, as SharePoint binds it). */
  private async digest(userKey: string): Promise<string> {
    const known = this.digests.get(userKey);
    if (known) return known;
    const r = await fetch(`${this.emu.siteUrl}/_api/contextinfo`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-Emulator-User': userKey },
    });
    const value = ((await r.json()) as { FormDigestValue: string }).FormDigestValue;
    this.digests.set(userKey, value);
    return value;
  }

  /** The site's path. */
  private get site(): string {
    return new URL(this.emu.siteUrl).pathname;
  }

  /** The `_api` root. */
  private get api(): string {
    return `${this.site}/_api`;
  }

  /** Server-relative folder of a file container. */
  private folderOf(c: Container): string {
    const lib = `${this.site}/${this.libraryUrlName()}`;
    switch (c.kind) {
      case 'root':
        return lib;
      case 'shared':
        return `${lib}/${sharedFolderName(c.party, c.recipients)}`;
      case 'review':
        return `${lib}/${reviewFolderName(c.party)}`;
      case 'restricted':
        return `${lib}/${restrictedFolderName(c.party, c.recipients)}`;
      case 'config':
        return `${this.site}/${CONFIG_FILE.library}/${CONFIG_FILE.folder}`;
      case 'channelFiles':
        return this.channelFolder;
      default:
        throw new Error(`no folder for ${c.kind}`);
    }
  }

  /** URL name of the exchange library (read from its root folder at setup). */
  private libraryUrlName(): string {
    return this.libraryUrl.slice(this.site.length + 1);
  }

  /** Server-relative URL of the exchange library's root folder. */
  private libraryUrl = '';

  /** The General channel's folder in the Team's library (found once). */
  private channelFolder = '';

  /** Looks up the channel folder (the first folder of the default library). */
  public async locateChannelFolder(): Promise<void> {
    const admin = spForUser(this.emu.siteUrl, 'beheerder');
    const folders: Array<{ ServerRelativeUrl: string; Name: string }> = await admin.web.defaultDocumentLibrary.rootFolder.folders.select(
      'ServerRelativeUrl',
      'Name',
    )();
    const channel = folders.find((f) => f.Name !== 'Forms');
    if (!channel) throw new Error('the Team library has no channel folder');
    this.channelFolder = channel.ServerRelativeUrl;
  }

  /** The list title of a container. */
  private listOf(c: Container): string {
    switch (c.kind) {
      case 'root':
      case 'shared':
      case 'review':
      case 'restricted':
        return this.config.space.exchangeLibraryTitle;
      case 'config':
      case 'configLibrary':
        return CONFIG_FILE.library;
      case 'channelFiles':
        return '$documents';
      case 'toetslog':
        return LISTS.audit;
      case 'breaches':
        return LISTS.breaches;
      case 'breachLog':
        return breachLogTitle(c.party);
      case 'agreements':
        return LISTS.agreements;
      case 'meetings':
        return LISTS.meetings;
      case 'reminders':
        return LISTS.reminders;
      case 'acknowledgements':
        return acknowledgementListTitle(c.party);
      case 'reviews':
        return reviewListTitle(c.party);
      default:
        throw new Error(`no list for ${c.kind}`);
    }
  }

  /** A unique value. */
  private next(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The body of a new list item that satisfies the list's required and unique columns. */
  private itemBody(c: Container): Record<string, unknown> {
    const n = this.next();
    const now = new Date().toISOString();
    switch (c.kind) {
      case 'toetslog':
        return { Title: `probe ${n}`, [AUDIT.toetsId]: `probe-${n}`, [AUDIT.at]: now, [AUDIT.decision]: 'toegestaan' };
      case 'breaches':
        return { Title: `probe ${n}`, [BREACH.reportedAt]: now, [BREACH.discoveredAt]: now };
      case 'breachLog':
        return { Title: `probe ${n}`, [BREACH_LOG.report]: 1, [BREACH_LOG.step]: 'mail', [BREACH_LOG.outcome]: 'sent' };
      case 'agreements':
        return { Title: `probe ${n}`, [AGR.kind]: 'werkafspraak', [AGR.status]: 'concept' };
      case 'meetings':
        return { Title: `probe ${n}`, [MEETING.series]: this.config.meetings[0].key, [MEETING.date]: now };
      case 'reminders':
        return { Title: `probe ${n}`, [REMINDER.key]: `probe-${n}` };
      case 'acknowledgements':
        return { Title: `probe ${n}`, [ACK.key]: `probe-${n}` };
      case 'reviews':
        return {
          Title: `probe ${n}`,
          [AUDIT.toetsId]: `probe-${n}-review`,
          [AUDIT.reviewOf]: `probe-${n}`,
          [AUDIT.at]: now,
          [AUDIT.decision]: 'goedgekeurd',
        };
      default:
        throw new Error(`no item body for ${c.kind}`);
    }
  }

  /** True for the containers whose items are files. */
  private isFiles(c: Container): boolean {
    return ['root', 'shared', 'review', 'restricted', 'config', 'channelFiles'].includes(c.kind);
  }

  /** Who creates a container's fixture: the prober for an own record (when they may add), else someone else. */
  private authorFor(c: Container, prober: Identity): string {
    const own = 'own' in c && c.own;
    if (c.kind === 'breachLog') {
      // A party's course list: only that party's people add, so an "own" step exists only for them.
      const adds = prober.roles.owner || prober.roles.party === c.party || prober.roles.privacyOf.includes(c.party);
      return own && adds ? prober.key : `author-${c.party}`;
    }
    if (own && prober.roles.owner) return prober.key;
    if (own && (prober.roles.party !== null || prober.roles.privacyOf.length > 0)) return prober.key;
    if (c.kind === 'toetslog' || c.kind === 'breaches' || c.kind === 'reminders')
      return `author-${this.config.parties[0].key}`;
    return 'beheerder';
  }

  /** Creates a fixture for (container, action, prober). */
  private async makeFixture(c: Container, action: Action, prober: Identity): Promise<Fixture> {
    const admin = 'beheerder';
    const listTitle = this.listOf(c);
    const listId = this.listIds.get(listTitle) as string;
    if (this.isFiles(c)) {
      const folder = this.folderOf(c);
      const name = `probe-${this.next()}.txt`;
      await this.must(admin, 'POST', `${this.api}/web/getfolderbyserverrelativepath(decodedurl='${enc(folder)}')/files/addusingpath(decodedurl='${enc(name)}',overwrite=false)`, { body: 'versie 1' });
      const url = `${folder}/${name}`;
      const itemId = await this.itemIdOf(url);
      // A second version, so version probes have one to delete or restore.
      await this.must(admin, 'POST', `${this.api}/web/lists(guid'${listId}')/items(${itemId})`, {
        body: JSON.stringify({ Title: 'versie 2' }),
        headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
      });
      const minor = ['root', 'shared', 'review', 'restricted'].includes(c.kind);
      const published = minor && (c.kind === 'review' ? action === 'unpublish' : action !== 'publish');
      if (published) await this.must(admin, 'POST', `${this.fileApi(url)}/publish(comment='probe')`);
      return { url, listId, itemId, consumed: false };
    }
    const author = this.authorFor(c, prober);
    const created = await this.json(author, 'POST', `${this.api}/web/lists(guid'${listId}')/items`, JSON.stringify(this.itemBody(c)));
    const itemId = Number((created as { Id?: number }).Id);
    if (c.kind !== 'reminders') {
      await this.must(admin, 'POST', `${this.api}/web/lists(guid'${listId}')/items(${itemId})`, {
        body: JSON.stringify({ Title: 'versie 2' }),
        headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
      });
    }
    return { listId, itemId, consumed: false };
  }

  /** A request that must succeed (fixture setup). */
  private async must(userKey: string, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<void> {
    const status = await this.http(userKey, method, path, init);
    if (status >= 300) throw new Error(`setup ${method} ${path} as ${userKey}: ${status}`);
  }

  /** A JSON answer of a request that must succeed. */
  private async json(userKey: string, method: string, path: string, body?: string): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata', 'X-Emulator-User': userKey };
    if (method !== 'GET') headers['X-RequestDigest'] = await this.digest(userKey);
    if (body) headers['content-type'] = 'application/json';
    this.requests++;
    const r = await fetch(`${this.emu.url}${path}`, { method, headers, body });
    const text = await r.text();
    if (!r.ok) throw new Error(`setup ${method} ${path} as ${userKey}: ${r.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  }

  /** The list item id of a file. */
  private async itemIdOf(url: string): Promise<number> {
    const item = (await this.json('beheerder', 'GET', `${this.fileApi(url)}/listitemallfields?$select=Id`)) as { Id: number };
    return item.Id;
  }

  /** The `_api` path of a file. */
  private fileApi(url: string): string {
    return `${this.api}/web/getfilebyserverrelativepath(decodedurl='${enc(url)}')`;
  }

  /** The fixture for a probe: reused until an allowed probe consumed it; an own record is the prober's own. */
  private async fixture(c: Container, action: Action, prober: Identity): Promise<Fixture> {
    const own = 'own' in c && c.own;
    const key = `${JSON.stringify(c)}:${action}:${own ? prober.key : ''}`;
    const known = this.fixtures.get(key);
    if (known && !known.consumed) return known;
    const made = await this.makeFixture(c, action, prober);
    this.fixtures.set(key, made);
    return made;
  }

  /** Where a move or copy goes: a folder the prober could add to, so only the source decides (see policy). */
  private destination(c: Container, action: Action, prober: Identity): string {
    const lib = `${this.site}/${this.libraryUrlName()}`;
    const own = prober.roles.party ?? this.config.parties[0].key;
    switch (c.kind) {
      case 'root':
        return `${lib}/Gedeeld-${own}`;
      case 'shared':
        return action === 'move' ? `${lib}/Review-${c.party}` : `${lib}/Gedeeld-${prober.roles.party ?? c.party}`;
      case 'review':
        return `${lib}/Gedeeld-${c.party}`;
      case 'restricted': {
        const mine = prober.roles.restrictedOf[0] ?? prober.roles.privacyOf[0] ?? c.party;
        return action === 'move' ? `${lib}/Review-${c.party}` : `${lib}/Vertrouwelijk-${mine}`;
      }
      case 'channelFiles':
        return this.channelFolder.slice(0, this.channelFolder.lastIndexOf('/'));
      default:
        return this.folderOf(c);
    }
  }

  /** The securable with unique permissions a container takes its grants from (for role assignments). */
  private async securableOf(c: Container): Promise<string> {
    if (this.isFiles(c) && c.kind !== 'channelFiles' && c.kind !== 'root') {
      const id = (await this.json('beheerder', 'GET', `${this.api}/web/getfolderbyserverrelativepath(decodedurl='${enc(this.folderOf(c))}')/listitemallfields?$select=Id`)) as {
        Id: number;
      };
      const listId = this.listIds.get(this.listOf(c)) as string;
      return `${this.api}/web/lists(guid'${listId}')/items(${id.Id})`;
    }
    return `${this.api}/web/lists(guid'${this.listIds.get(this.listOf(c)) as string}')`;
  }

  /** Runs one probe; the outcome. */
  public async probe(row: MatrixRow): Promise<Outcome> {
    const { container: c, action, identity } = row;
    const user = this.users.get(identity.key) as ProbeUser;
    const status = await this.act(c, action, identity, user);
    const outcome: Outcome =
      status >= 200 && status < 300
        ? 'allowed'
        : status === 401 || status === 403 || status === 404 || (action === 'approve' && status === 400)
          ? 'refused'
          : 'error';
    return outcome;
  }

  /** Sends the probe's request; its status. */
  private async act(c: Container, action: Action, identity: Identity, user: ProbeUser): Promise<number> {
    const k = identity.key;
    if (c.kind === 'groups') {
      const group = this.config.groups.find((g) => (c.group === 'privacy' ? g.kind === 'privacy' : g.kind === 'members'));
      return this.http(k, 'POST', `${this.api}/web/sitegroups/getbyname('${enc(group?.name ?? '')}')/users`, {
        body: JSON.stringify({ LoginName: user.login }),
      });
    }
    if (c.kind === 'configLibrary') return this.actOnConfigLibrary(action, k, user);
    if (action === 'add') {
      if (this.isFiles(c)) {
        return this.http(k, 'POST', `${this.api}/web/getfolderbyserverrelativepath(decodedurl='${enc(this.folderOf(c))}')/files/addusingpath(decodedurl='added-${this.next()}.txt',overwrite=false)`, {
          body: 'x',
        });
      }
      return this.http(k, 'POST', `${this.api}/web/lists(guid'${this.listIds.get(this.listOf(c)) as string}')/items`, {
        body: JSON.stringify(this.itemBody(c)),
      });
    }
    if (action === 'addRoleAssignment') {
      return this.http(k, 'POST', `${await this.securableOf(c)}/roleassignments/addroleassignment(principalid=${user.id},roledefid=1073741829)`);
    }
    const f = await this.fixture(c, action, identity);
    const item = `${this.api}/web/lists(guid'${f.listId}')/items(${f.itemId})`;
    const file = f.url ? this.fileApi(f.url) : '';
    let status: number;
    switch (action) {
      case 'read':
        status = await this.http(k, 'GET', f.url ? file : item);
        break;
      case 'merge':
        status = await this.http(k, 'POST', item, {
          body: JSON.stringify({ Title: `gewijzigd door ${k}` }),
          headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
        });
        break;
      case 'validateUpdate':
        status = await this.http(k, 'POST', `${item}/validateupdatelistitem`, {
          body: JSON.stringify({ formValues: [{ FieldName: 'Title', FieldValue: `gewijzigd door ${k}` }] }),
        });
        break;
      case 'publish':
      case 'unpublish':
      case 'approve':
        status = await this.http(k, 'POST', `${file}/${action}(comment='probe')`);
        break;
      case 'move':
      case 'copy': {
        const dest = `${this.destination(c, action, identity)}/${action}-${this.next()}.txt`;
        status = await this.http(k, 'POST', `${this.api}/SP.MoveCopyUtil.${action === 'move' ? 'MoveFileByPath' : 'CopyFileByPath'}(overwrite=false)`, {
          body: JSON.stringify({
            srcPath: { DecodedUrl: `${this.emu.url}${f.url as string}` },
            destPath: { DecodedUrl: `${this.emu.url}${dest}` },
            options: { KeepBoth: false, ResetAuthorAndCreatedOnCopy: true, ShouldBypassSharedLocks: false },
          }),
        });
        break;
      }
      case 'delete':
        status = await this.http(k, 'POST', item, { headers: { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' } });
        break;
      case 'recycle':
        status = await this.http(k, 'POST', `${item}/recycle`);
        break;
      case 'versionDelete':
        status = f.url
          ? await this.http(k, 'POST', `${file}/versions/deleteById(vid=${this.hasMinor(c) ? 1 : 512})`)
          : await this.http(k, 'POST', `${item}/versions(512)`, { headers: { 'X-HTTP-Method': 'DELETE', 'If-Match': '*' } });
        break;
      case 'versionRestore':
        status = await this.http(k, 'POST', `${f.url ? file : item}/versions/restoreByLabel(versionlabel='${f.url && this.hasMinor(c) ? '0.1' : '1.0'}')`);
        break;
      case 'breakInheritance':
        status = await this.http(k, 'POST', `${item}/breakroleinheritance(copyroleassignments=true,clearsubscopes=false)`);
        break;
      case 'putContent':
        status = await this.http(k, 'POST', `${file}/$value`, {
          body: `overschreven door ${k}`,
          headers: { 'X-HTTP-Method': 'PUT', 'content-type': 'application/octet-stream' },
        });
        break;
      default:
        throw new Error(`no probe for ${action}`);
    }
    if (status >= 200 && status < 300 && CONSUMING.has(action)) f.consumed = true;
    return status;
  }

  /** A probe on the configuration's library itself: a file beside the configuration, its settings, its permissions. */
  private async actOnConfigLibrary(action: Action, k: string, user: ProbeUser): Promise<number> {
    const list = `${this.api}/web/lists(guid'${this.listIds.get(CONFIG_FILE.library) as string}')`;
    switch (action) {
      case 'add':
        return this.http(k, 'POST', `${this.api}/web/getfolderbyserverrelativepath(decodedurl='${enc(`${this.site}/${CONFIG_FILE.library}`)}')/files/addusingpath(decodedurl='added-${this.next()}.txt',overwrite=false)`, {
          body: 'x',
        });
      case 'merge':
        return this.http(k, 'POST', list, {
          body: JSON.stringify({ Description: `gewijzigd door ${k}` }),
          headers: { 'X-HTTP-Method': 'MERGE', 'If-Match': '*' },
        });
      case 'breakInheritance':
        return this.http(k, 'POST', `${list}/breakroleinheritance(copyroleassignments=true,clearsubscopes=false)`);
      case 'addRoleAssignment':
        return this.http(k, 'POST', `${list}/roleassignments/addroleassignment(principalid=${user.id},roledefid=1073741829)`);
      default:
        throw new Error(`no probe for ${action} on the configuration library`);
    }
  }

  /** True for the exchange library's containers (minor versions). */
  private hasMinor(c: Container): boolean {
    return ['root', 'shared', 'review', 'restricted'].includes(c.kind);
  }
}

/** URL-encodes a value inside `'…'` of an `_api` path (doubling quotes, as SharePoint expects). */
function enc(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}
