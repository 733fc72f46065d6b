/**
 * Graph's team, channel and group endpoints over the defined team (`teamModel.ts`), with Graph's shapes and status
 * codes (sources per endpoint in README.md). Without a defined team every function here answers null (the server's
 * 501) or, for channel messages, lets anyone post anywhere as before.
 */
import { createHash } from 'crypto';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, EmulatorUser } from '../types';
import { stableGuid } from '../identity';
import { SITE_PATH } from '../sharepoint/context';
import { addFolder } from '../sharepoint/files';
import { rootFolderUrl } from '../sharepoint/lists';
import { PermissionKind, hasKind } from '../sharepoint/roles';
import { itemScope, listScope, maskFor, principalsOf, type Scope } from '../sharepoint/security';
import { defaultDocumentLibrary } from '../sharepoint/site';
import { type FolderRow, type ListRow, webMeta } from '../sharepoint/store';
import { graphError, GraphValidationError } from './errors';
import { applySelect, userResource } from './me';
import {
  type ChannelRow,
  type TeamMemberRow,
  type TeamRow,
  type TeamSwitches,
  currentTeam,
  isSiteAdmin,
  switchesOf,
} from './teamModel';

/** Tenant id the emulated directory reports (stable, fictitious). */
export const TENANT_ID = stableGuid('tenant:samenwerkingsruimte-emulator');

const GRAPH = 'https://graph.microsoft.com/v1.0/$metadata#';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything an endpoint needs about the team and the caller. */
interface TeamAccess {
  team: TeamRow;
  switches: TeamSwitches;
  members: TeamMemberRow[];
  /** The caller's rows (owner and/or member); empty for someone outside the team. */
  mine: TeamMemberRow[];
}

/** Result of a check: the access, or the Graph error to answer. */
type Checked<T> = { ok: T } | { error: EmulatorResponse };

function ok(body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status: 200, headers: { 'content-type': 'application/json', ...headers }, body };
}

function sameUser(row: TeamMemberRow, user: EmulatorUser): boolean {
  return row.email === user.email.toLowerCase() || row.aad_id === user.aadId;
}

/**
 * The defined team addressed by `teamId`, checked as Graph checks it: a team id that is not a GUID is 400 ("teamId
 * needs to be a valid GUID."), an unknown one 404 ("No team found with Group Id …"), a caller outside the team 403.
 * Null when no team is defined (the emulator then models no teams at all).
 */
function teamAccess(teamId: string, user: EmulatorUser, ctx: EmulatorContext): Checked<TeamAccess> | null {
  const team = currentTeam(ctx.db);
  if (!team) return null;
  if (!GUID.test(teamId)) return { error: graphError(400, 'BadRequest', 'teamId needs to be a valid GUID.', ctx.now()) };
  if (team.id.toLowerCase() !== teamId.toLowerCase())
    return { error: graphError(404, 'NotFound', `No team found with Group Id ${teamId}`, ctx.now()) };
  const members = ctx.db.prepare(`SELECT * FROM graph_team_members WHERE team_id = ? ORDER BY rowid`).all(team.id) as TeamMemberRow[];
  const mine = members.filter((m) => sameUser(m, user));
  if (!mine.length)
    return { error: graphError(403, 'Forbidden', `The signed-in user is not a member of the team ${team.id}.`, ctx.now()) };
  return { ok: { team, switches: switchesOf(team), members, mine } };
}

function channelsOf(a: TeamAccess, ctx: EmulatorContext): ChannelRow[] {
  return ctx.db.prepare(`SELECT * FROM graph_team_channels WHERE team_id = ? ORDER BY position`).all(a.team.id) as ChannelRow[];
}

/** Members (user keys with role) of a private/shared channel. */
function channelRoster(a: TeamAccess, channelId: string, ctx: EmulatorContext): Map<string, 'owner' | 'member'> {
  const rows = ctx.db
    .prepare(`SELECT user_key, role FROM graph_channel_members WHERE team_id = ? AND channel_id = ? ORDER BY rowid`)
    .all(a.team.id, channelId) as { user_key: string; role: 'owner' | 'member' }[];
  return new Map(rows.map((r) => [r.user_key, r.role]));
}

/** True when the caller may see a channel: every team member sees standard channels; private/shared: its members. */
function seesChannel(a: TeamAccess, c: ChannelRow, ctx: EmulatorContext): boolean {
  if (c.membership_type === 'standard') return true;
  const roster = channelRoster(a, c.id, ctx);
  return a.mine.some((m) => roster.has(m.user_key));
}

/** A channel of the team the caller may use: 404 when unknown; for a non-member of a private/shared channel the switch. */
function channelAccess(
  a: TeamAccess,
  channelId: string,
  ctx: EmulatorContext,
): Checked<ChannelRow> {
  const c = channelsOf(a, ctx).find((x) => x.id === channelId);
  const missing = (): EmulatorResponse =>
    graphError(404, 'NotFound', `Channel ${channelId} was not found in team ${a.team.id}.`, ctx.now());
  if (!c) return { error: missing() };
  if (!seesChannel(a, c, ctx)) {
    return a.switches.privateChannelDenialStatus === 404
      ? { error: missing() }
      : {
          error: graphError(
            403,
            'Forbidden',
            `The signed-in user is not a member of the ${c.membership_type} channel ${c.id}.`,
            ctx.now(),
          ),
        };
  }
  return { ok: c };
}

/** `membershipType` as Graph serialises the evolvable enum: `shared` only with `Prefer: include-unknown-enum-members`. */
function membershipTypeFor(c: ChannelRow, req: EmulatorRequest): string {
  if (c.membership_type !== 'shared') return c.membership_type;
  return /(^|[\s,;])include-unknown-enum-members\b/i.test(req.headers.prefer ?? '') ? 'shared' : 'unknownFutureValue';
}

function channelJson(a: TeamAccess, c: ChannelRow, req: EmulatorRequest): Record<string, unknown> {
  return {
    id: c.id,
    createdDateTime: c.created_at,
    displayName: c.display_name,
    description: c.description || null,
    isFavoriteByDefault: null,
    email: '',
    tenantId: TENANT_ID,
    webUrl:
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.display_name)}` +
      `?groupId=${a.team.id}&tenantId=${TENANT_ID}`,
    membershipType: membershipTypeFor(c, req),
  };
}

/** The team's General channel: displayName "General" (whatever the UI language), else the first standard channel. */
function primaryChannel(a: TeamAccess, ctx: EmulatorContext): ChannelRow | undefined {
  const all = channelsOf(a, ctx);
  return all.find((c) => c.membership_type === 'standard' && c.display_name === 'General') ??
    all.find((c) => c.membership_type === 'standard');
}

function memberJson(scopeId: string, m: { aad_id: string; display_name: string; email: string }, owner: boolean): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: Buffer.from(`0#${scopeId}#${m.aad_id}`).toString('base64'),
    roles: owner ? ['owner'] : [],
    displayName: m.display_name,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: m.aad_id,
    email: m.email,
    tenantId: TENANT_ID,
  };
}

/** Team members as conversation members: one entry per person, `owner` role for group owners. */
function teamRoster(a: TeamAccess): Array<{ row: TeamMemberRow; owner: boolean }> {
  const out = new Map<string, { row: TeamMemberRow; owner: boolean }>();
  for (const m of a.members) {
    const seen = out.get(m.user_key);
    out.set(m.user_key, { row: seen?.row ?? m, owner: (seen?.owner ?? false) || m.role === 'owner' });
  }
  return [...out.values()];
}

const MEMBERSHIP_FILTER = /^\s*membershipType\s+eq\s+'(standard|private|shared|unknownFutureValue)'\s*$/i;

/** `GET /teams/{id}/channels`: the channels the caller may see (channel-list: members don't see private/shared channels they aren't in). */
export function listChannels(teamId: string, req: EmulatorRequest, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const a = access.ok;
  const isOwner = a.mine.some((m) => m.role === 'owner');
  const visible = channelsOf(a, ctx).filter(
    (c) => seesChannel(a, c, ctx) || (isOwner && a.switches.ownersListAllPrivateChannels),
  );
  let value = visible.map((c) => channelJson(a, c, req));
  const filter = req.query.get('$filter');
  if (filter !== null) {
    // The one filter the emulator models; any other is refused rather than ignored (a silent superset would lie).
    const m = MEMBERSHIP_FILTER.exec(filter);
    if (!m) throw new GraphValidationError(`Unsupported query: $filter=${filter}`, 'BadRequest');
    value = value.filter((c) => String(c.membershipType).toLowerCase() === m[1].toLowerCase());
  }
  const select = req.query.get('$select');
  return ok({
    '@odata.context': `${GRAPH}teams('${a.team.id}')/channels`,
    '@odata.count': value.length,
    value: value.map((c) => applySelect(c, select)),
  });
}

/** `GET /teams/{id}/channels/{id}`. */
export function getChannel(teamId: string, channelId: string, req: EmulatorRequest, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const c = channelAccess(access.ok, channelId, ctx);
  if ('error' in c) return c.error;
  return ok({
    '@odata.context': `${GRAPH}teams('${access.ok.team.id}')/channels/$entity`,
    ...applySelect(channelJson(access.ok, c.ok, req), req.query.get('$select')),
  });
}

/** `GET /teams/{id}/primaryChannel`. */
export function getPrimaryChannel(teamId: string, req: EmulatorRequest, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const c = primaryChannel(access.ok, ctx);
  if (!c) return graphError(404, 'NotFound', `Team ${access.ok.team.id} has no General channel.`, ctx.now());
  return ok({ '@odata.context': `${GRAPH}teams('${access.ok.team.id}')/primaryChannel/$entity`, ...channelJson(access.ok, c, req) });
}

/** `GET /teams/{id}/channels/{id}/members` (conversationMember collection). */
export function listChannelMembers(teamId: string, channelId: string, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const a = access.ok;
  const c = channelAccess(a, channelId, ctx);
  if ('error' in c) return c.error;
  let value: Record<string, unknown>[];
  if (c.ok.membership_type === 'standard') {
    value = teamRoster(a).map((r) => memberJson(c.ok.id, r.row, r.owner));
  } else {
    const roster = channelRoster(a, c.ok.id, ctx);
    const byKey = new Map(a.members.map((m) => [m.user_key, m]));
    value = [...roster.entries()].map(([key, role]) => memberJson(c.ok.id, byKey.get(key)!, role === 'owner'));
  }
  return ok({
    '@odata.context': `${GRAPH}teams('${a.team.id}')/channels('${encodeURIComponent(c.ok.id)}')/members`,
    '@odata.count': value.length,
    value,
  });
}

/** `GET /teams/{id}/members`. */
export function listTeamMembers(teamId: string, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const value = teamRoster(access.ok).map((r) => memberJson(access.ok.team.id, r.row, r.owner));
  return ok({ '@odata.context': `${GRAPH}teams('${access.ok.team.id}')/members`, '@odata.count': value.length, value });
}

/** `GET /teams/{id}`. */
export function getTeam(teamId: string, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const { team } = access.ok;
  const general = primaryChannel(access.ok, ctx);
  return ok({
    '@odata.context': `${GRAPH}teams/$entity`,
    id: team.id,
    createdDateTime: team.created_at,
    displayName: team.display_name,
    description: team.description || null,
    internalId: general?.id ?? null,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: general
      ? `https://teams.microsoft.com/l/team/${encodeURIComponent(general.id)}/conversations?groupId=${team.id}&tenantId=${TENANT_ID}`
      : null,
    isArchived: false,
    tenantId: TENANT_ID,
    isMembershipLimitedToOwners: false,
  });
}

/**
 * Channel messages: null when the caller may post/read (or no team is defined: anyone, anywhere, as before), else the
 * Graph error. Standard channels: any team member. Private/shared channels: only their members when the switch
 * `privateChannelMessagesMembersOnly` is on (an assumption, see README).
 */
export function messageAccess(teamId: string, channelId: string, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const a = access.ok;
  const c = channelsOf(a, ctx).find((x) => x.id === channelId);
  if (!c) return graphError(404, 'NotFound', `Channel ${channelId} was not found in team ${a.team.id}.`, ctx.now());
  if (c.membership_type === 'standard' || !a.switches.privateChannelMessagesMembersOnly) return null;
  const r = channelAccess(a, channelId, ctx);
  return 'error' in r ? r.error : null;
}

// ---- Files: the channel folder as a driveItem ----

function guidBytes(g: string): Buffer {
  return Buffer.from(g.replace(/[{}-]/g, ''), 'hex');
}

/** A drive id as SharePoint's Graph forms it: `b!` + base64url of site id, web id and list id (16 bytes each). */
function driveId(siteId: string, webId: string, listId: string): string {
  return `b!${Buffer.concat([guidBytes(siteId), guidBytes(webId), guidBytes(listId)]).toString('base64url')}`;
}

/** An opaque driveItem id in the shape SharePoint's Graph uses (`01` + 32 base32 characters). */
function driveItemId(uniqueId: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = createHash('sha1').update(uniqueId.toLowerCase()).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 32) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `01${out}`;
}

/** True when the caller may view at a SharePoint scope (site collection admins always). */
function canView(user: EmulatorUser, scope: Scope, ctx: EmulatorContext): boolean {
  if (isSiteAdmin(ctx.db, user.id)) return true;
  return hasKind(maskFor(ctx.db, principalsOf(ctx.db, user.id), scope), PermissionKind.ViewListItems);
}

function folderAt(ctx: EmulatorContext, url: string): FolderRow | undefined {
  return ctx.db.prepare(`SELECT * FROM sp_folders WHERE server_relative_url = ?`).get(url) as FolderRow | undefined;
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function folderDriveItem(req: EmulatorRequest, ctx: EmulatorContext, library: ListRow, folder: FolderRow, context: string): Record<string, unknown> {
  const prefix = `${folder.server_relative_url}/`;
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const size = (ctx.db
    .prepare(`SELECT coalesce(sum(length(content)), 0) FROM sp_files WHERE server_relative_url LIKE ? ESCAPE '\\'`)
    .pluck()
    .get(like) as number) ?? 0;
  const children = ctx.db
    .prepare(`SELECT count(*) FROM sp_items WHERE list_pk = ? AND file_ref LIKE ? ESCAPE '\\' AND instr(substr(file_ref, ?), '/') = 0`)
    .pluck()
    .get(library.pk, like, prefix.length + 1) as number;
  const item = folder.item_id
    ? (ctx.db.prepare(`SELECT modified FROM sp_items WHERE list_pk = ? AND id = ?`).get(library.pk, folder.item_id) as
        | { modified: string }
        | undefined)
    : undefined;
  const modified = item?.modified ?? folder.created;
  return {
    '@odata.context': context,
    id: driveItemId(folder.unique_id),
    createdDateTime: folder.created,
    lastModifiedDateTime: modified,
    name: folder.name,
    webUrl: `${req.origin}${encodePath(folder.server_relative_url)}`,
    size,
    parentReference: {
      driveId: driveId(webMeta(ctx.db, 'site_id'), webMeta(ctx.db, 'web_id'), library.id),
      driveType: 'documentLibrary',
    },
    fileSystemInfo: { createdDateTime: folder.created, lastModifiedDateTime: modified },
    folder: { childCount: children },
  };
}

/** URL path of a private/shared channel's own site: `<team site>-<channel name>` (letters and digits of the name). */
export function channelSitePath(c: { display_name: string }): string {
  return `${SITE_PATH}-${c.display_name.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '')}`;
}

/**
 * `GET /teams/{id}/channels/{id}/filesFolder`: a standard channel's folder in the team site's default library (made
 * again if someone deleted it: calling filesFolder provisions the folder, as it does in Teams); for a private/shared
 * channel the root of its own site's library (that site's REST is not emulated).
 */
export function getFilesFolder(teamId: string, channelId: string, req: EmulatorRequest, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const access = teamAccess(teamId, user, ctx);
  if (!access) return null;
  if ('error' in access) return access.error;
  const a = access.ok;
  const ch = channelAccess(a, channelId, ctx);
  if ('error' in ch) return ch.error;
  const c = ch.ok;
  const context = `${GRAPH}teams('${a.team.id}')/channels('${encodeURIComponent(c.id)}')/filesFolder/$entity`;
  if (c.membership_type !== 'standard') {
    const site = channelSitePath(c);
    const siteId = stableGuid(`site:${site.toLowerCase()}`);
    const webId = stableGuid(`web:${site.toLowerCase()}`);
    const listId = stableGuid(`list:${site.toLowerCase()}/${a.team.documents_url.toLowerCase()}`);
    return ok({
      '@odata.context': context,
      id: driveItemId(`${listId}:root`),
      createdDateTime: c.created_at,
      lastModifiedDateTime: c.created_at,
      name: 'root',
      webUrl: `${req.origin}${encodePath(`${site}/${a.team.documents_url}`)}`,
      size: 0,
      parentReference: { driveId: driveId(siteId, webId, listId), driveType: 'documentLibrary' },
      fileSystemInfo: { createdDateTime: c.created_at, lastModifiedDateTime: c.created_at },
      folder: { childCount: 0 },
    });
  }
  const library = defaultDocumentLibrary(ctx.db);
  if (!library) return graphError(404, 'itemNotFound', 'The team site has no default document library.', ctx.now());
  const url = `${rootFolderUrl(library)}/${c.folder_name ?? c.display_name}`;
  let folder = folderAt(ctx, url);
  if (!folder) {
    const root = folderAt(ctx, rootFolderUrl(library));
    if (!root) return graphError(404, 'itemNotFound', 'The item could not be found.', ctx.now());
    folder = addFolder(systemLikeContext(user, ctx), root, c.folder_name ?? c.display_name);
  }
  const scope = folder.item_id ? itemScope(ctx.db, library.pk, folder.item_id) : listScope(ctx.db, library.pk);
  if (!canView(user, scope, ctx)) return graphError(403, 'accessDenied', 'Access denied', ctx.now());
  return ok(folderDriveItem(req, ctx, library, folder, context));
}

/** The context a lazily (re)made channel folder is written with: the calling user, acting for Teams (no permission check). */
function systemLikeContext(user: EmulatorUser, ctx: EmulatorContext): Parameters<typeof addFolder>[0] {
  return {
    db: ctx.db,
    now: ctx.now,
    user,
    isAdmin: true,
    principals: [user.id],
    origin: '',
    webUrl: SITE_PATH,
    verbose: false,
    threshold: 5000,
    requestUrl: '',
  };
}

// ---- The group: members, owners, drive ----

function groupAccess(groupId: string, ctx: EmulatorContext): Checked<TeamRow> | null {
  const team = currentTeam(ctx.db);
  if (!team) return null;
  if (team.id.toLowerCase() !== groupId.toLowerCase())
    return {
      error: graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`,
        ctx.now(),
      ),
    };
  return { ok: team };
}

/** `GET /groups/{id}/members` and `/owners`: the users as directoryObjects (`#microsoft.graph.user`). */
export function listGroupPeople(groupId: string, role: 'member' | 'owner', req: EmulatorRequest, ctx: EmulatorContext): EmulatorResponse | null {
  const g = groupAccess(groupId, ctx);
  if (!g) return null;
  if ('error' in g) return g.error;
  const rows = ctx.db
    .prepare(`SELECT * FROM graph_team_members WHERE team_id = ? AND role = ? ORDER BY rowid`)
    .all(g.ok.id, role) as TeamMemberRow[];
  const select = req.query.get('$select');
  const value = rows.map((r) => {
    const known = ctx.directory?.find((u) => u.email.toLowerCase() === r.email);
    const u: EmulatorUser = known ?? {
      id: 0,
      loginName: '',
      email: r.email,
      displayName: r.display_name,
      jobTitle: '',
      party: null,
      aadId: r.aad_id,
    };
    const { ['@odata.context']: _c, ...resource } = userResource(u);
    return applySelect({ '@odata.type': '#microsoft.graph.user', ...resource }, select);
  });
  return ok({ '@odata.context': `${GRAPH}directoryObjects`, value });
}

/** `GET /groups/{id}/drive`: the group site's default document library as a drive. */
export function getGroupDrive(groupId: string, req: EmulatorRequest, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse | null {
  const g = groupAccess(groupId, ctx);
  if (!g) return null;
  if ('error' in g) return g.error;
  const library = defaultDocumentLibrary(ctx.db);
  if (!library) return graphError(404, 'itemNotFound', 'The group site has no default document library.', ctx.now());
  if (!canView(user, listScope(ctx.db, library.pk), ctx)) return graphError(403, 'accessDenied', 'Access denied', ctx.now());
  return ok({
    '@odata.context': `${GRAPH}drives/$entity`,
    id: driveId(webMeta(ctx.db, 'site_id'), webMeta(ctx.db, 'web_id'), library.id),
    createdDateTime: library.created,
    lastModifiedDateTime: library.modified,
    name: library.title,
    description: library.description,
    webUrl: `${req.origin}${encodePath(rootFolderUrl(library))}`,
    driveType: 'documentLibrary',
    owner: { group: { id: g.ok.id, displayName: g.ok.display_name, email: g.ok.mail || null } },
  });
}
