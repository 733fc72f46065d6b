/**
 * Defining the group and its Team (`POST /_emulator/team`, `startEmulator({ team })`): validation, storage in the
 * `graph_team*` tables and the SharePoint side of the connection (claims, Documents library, channel folders).
 */
import type { Database } from 'better-sqlite3';
import { stableGuid, type DemoUser } from '../identity';
import { connectSiteToGroup } from '../sharepoint/site';
import { SpError } from '../sharepoint/errors';
import {
  type ChannelDefinition,
  type ChannelRow,
  type TeamDefinition,
  type TeamMemberRow,
  type TeamRow,
  type TeamSwitches,
  currentTeam,
  DEFAULT_TEAM_SWITCHES,
  ensureTeamSchema,
  membersClaim,
  ownersClaim,
  switchesOf,
} from './teamModel';

/** A definition the emulator refuses (answered 400, or 409 for a second group), naming the field. */
export class TeamDefinitionError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'TeamDefinitionError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Teams channel ids: `19:<opaque>@thread.tacv2` (older: `@thread.skype`). */
const CHANNEL_ID = /^19:[^\s/?#]+@thread\.(tacv2|skype)$/;
const TYPES = ['standard', 'private', 'shared'] as const;

function fail(field: string, problem: string): never {
  throw new TeamDefinitionError(`team.${field} ${problem}`);
}

function text(v: unknown, field: string, required = true): string {
  if (v === undefined && !required) return '';
  if (typeof v !== 'string' || (required && !v.trim())) fail(field, 'must be a non-empty text.');
  return v;
}

function keys(v: unknown, field: string, known: Set<string>): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((k) => typeof k !== 'string')) fail(field, 'must be an array of user keys.');
  for (const k of v as string[]) if (!known.has(k)) fail(field, `names '${k}', who is not a demo identity (users.json).`);
  return [...new Set(v as string[])];
}

/** Checks a definition (unknown JSON) and returns it typed, with defaults. */
export function parseTeamDefinition(raw: unknown, users: readonly DemoUser[]): Required<Omit<TeamDefinition, 'switches'>> & {
  switches: TeamSwitches;
} {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('', 'must be a JSON object.');
  const d = raw as Record<string, unknown>;
  const known = new Set(users.map((u) => u.key));
  const id = text(d.id, 'id');
  if (!GUID.test(id)) fail('id', `'${id}' is not a GUID (a Microsoft 365 group's object id).`);
  const displayName = text(d.displayName, 'displayName');
  const owners = keys(d.owners, 'owners', known);
  const members = keys(d.members, 'members', known);
  const inTeam = new Set([...owners, ...members]);
  if (!Array.isArray(d.channels)) fail('channels', 'must be an array.');
  const seen = new Set<string>();
  const channels = (d.channels as unknown[]).map((c, i): ChannelDefinition => {
    const at = `channels[${i}]`;
    if (typeof c !== 'object' || c === null) fail(at, 'must be an object.');
    const ch = c as Record<string, unknown>;
    const cid = text(ch.id, `${at}.id`);
    if (!CHANNEL_ID.test(cid)) fail(`${at}.id`, `'${cid}' is not a Teams channel id (19:…@thread.tacv2).`);
    if (seen.has(cid)) fail(`${at}.id`, `'${cid}' is defined twice.`);
    seen.add(cid);
    const type = ch.membershipType ?? 'standard';
    if (!TYPES.includes(type as (typeof TYPES)[number])) fail(`${at}.membershipType`, "must be 'standard', 'private' or 'shared'.");
    const chMembers = keys(ch.members, `${at}.members`, known);
    const chOwners = keys(ch.owners, `${at}.owners`, known);
    for (const k of [...chMembers, ...chOwners])
      if (!inTeam.has(k)) fail(`${at}`, `names '${k}', who is not a member of the team (a channel's members must be).`);
    if (type === 'standard' && (chMembers.length || chOwners.length))
      fail(at, 'is a standard channel: its members are the team (members/owners apply to private and shared channels).');
    const folderName = ch.folderName === undefined ? undefined : text(ch.folderName, `${at}.folderName`);
    if (folderName !== undefined && type !== 'standard')
      fail(`${at}.folderName`, 'applies to standard channels only (private and shared channels have their own site).');
    return {
      id: cid,
      displayName: text(ch.displayName, `${at}.displayName`),
      description: text(ch.description, `${at}.description`, false),
      membershipType: type as ChannelDefinition['membershipType'],
      members: chMembers,
      owners: chOwners,
      ...(folderName !== undefined ? { folderName } : {}),
    };
  });
  const switches = { ...DEFAULT_TEAM_SWITCHES };
  if (d.switches !== undefined) {
    if (typeof d.switches !== 'object' || d.switches === null) fail('switches', 'must be an object.');
    for (const [k, v] of Object.entries(d.switches as Record<string, unknown>)) {
      if (!(k in DEFAULT_TEAM_SWITCHES)) fail(`switches.${k}`, `is not a switch (${Object.keys(DEFAULT_TEAM_SWITCHES).join(', ')}).`);
      if (k === 'privateChannelDenialStatus') {
        if (v !== 403 && v !== 404) fail(`switches.${k}`, 'must be 403 or 404.');
      } else if (typeof v !== 'boolean') fail(`switches.${k}`, 'must be true or false.');
      (switches as Record<string, unknown>)[k] = v;
    }
  }
  const documentsUrl = d.documentsUrl === undefined ? 'Shared Documents' : text(d.documentsUrl, 'documentsUrl');
  if (/[~"#%&*:<>?\\{|}/]/.test(documentsUrl)) fail('documentsUrl', `'${documentsUrl}' is not a valid library URL name.`);
  return {
    id: id.toLowerCase(),
    displayName,
    description: text(d.description, 'description', false),
    mail: text(d.mail, 'mail', false),
    owners,
    members,
    channels,
    documentsUrl,
    documentsTitle: d.documentsTitle === undefined ? 'Documenten' : text(d.documentsTitle, 'documentsTitle'),
    switches,
  };
}

/**
 * Defines (or redefines) the team in one transaction. A redefinition replaces membership, channels and switches;
 * the SharePoint side is only ever added to: channel folders keep the name they were made with (a renamed channel
 * keeps its folder), removed channels keep theirs, and permissions someone changed are left as they are.
 */
export function defineTeam(db: Database, raw: unknown, users: readonly DemoUser[], now: Date): TeamView {
  ensureTeamSchema(db);
  const def = parseTeamDefinition(raw, users);
  const existing = currentTeam(db);
  if (existing && existing.id.toLowerCase() !== def.id)
    throw new TeamDefinitionError(
      `The site is already connected to the group ${existing.id}; a SharePoint site belongs to one Microsoft 365 group.`,
      409,
    );
  const at = now.toISOString();
  db.transaction(() => {
    if (!existing) {
      db.prepare(
        `INSERT INTO graph_teams (id, display_name, description, mail, documents_url, documents_title, switches, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(def.id, def.displayName, def.description, def.mail, def.documentsUrl, def.documentsTitle, JSON.stringify(def.switches), at, at);
    } else {
      // The library URL and title are fixed when the site gets its library; the rest follows the definition.
      db.prepare(`UPDATE graph_teams SET display_name = ?, description = ?, mail = ?, switches = ?, updated_at = ? WHERE id = ?`).run(
        def.displayName,
        def.description,
        def.mail,
        JSON.stringify(def.switches),
        at,
        existing.id,
      );
    }
    const team = currentTeam(db)!;
    db.prepare(`DELETE FROM graph_team_members WHERE team_id = ?`).run(team.id);
    const addMember = db.prepare(
      `INSERT INTO graph_team_members (team_id, user_key, role, email, display_name, aad_id) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const byKey = new Map(users.map((u) => [u.key, u]));
    for (const [role, list] of [
      ['owner', def.owners],
      ['member', def.members],
    ] as const) {
      for (const key of list) {
        const u = byKey.get(key)!;
        addMember.run(team.id, key, role, u.email.toLowerCase(), u.displayName, stableGuid(`aad:${u.email.toLowerCase()}`));
      }
    }
    const before = new Map(
      (db.prepare(`SELECT * FROM graph_team_channels WHERE team_id = ?`).all(team.id) as ChannelRow[]).map((c) => [c.id, c]),
    );
    db.prepare(`DELETE FROM graph_team_channels WHERE team_id = ?`).run(team.id);
    db.prepare(`DELETE FROM graph_channel_members WHERE team_id = ?`).run(team.id);
    const addChannel = db.prepare(
      `INSERT INTO graph_team_channels (team_id, id, display_name, description, membership_type, folder_name, created_at, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addChannelMember = db.prepare(
      `INSERT OR REPLACE INTO graph_channel_members (team_id, channel_id, user_key, role) VALUES (?, ?, ?, ?)`,
    );
    def.channels.forEach((c, i) => {
      const old = before.get(c.id);
      // membershipType is set at creation and can't be changed (channel resource doc).
      if (old && old.membership_type !== c.membershipType)
        throw new TeamDefinitionError(
          `team.channels[${i}].membershipType: channel '${c.id}' is ${old.membership_type}; a channel's membershipType can't be changed after creation.`,
        );
      const folder = c.membershipType === 'standard' ? (old?.folder_name ?? c.folderName ?? c.displayName) : null;
      addChannel.run(team.id, c.id, c.displayName, c.description ?? '', c.membershipType, folder, old?.created_at ?? at, i);
      for (const k of c.members ?? []) addChannelMember.run(team.id, c.id, k, 'member');
      for (const k of c.owners ?? []) addChannelMember.run(team.id, c.id, k, 'owner');
    });
    const standard = db
      .prepare(`SELECT folder_name FROM graph_team_channels WHERE team_id = ? AND folder_name IS NOT NULL ORDER BY position`)
      .pluck()
      .all(team.id) as string[];
    try {
      connectSiteToGroup(
        db,
        {
          groupId: team.id,
          displayName: def.displayName,
          mail: def.mail,
          documentsUrl: team.documents_url,
          documentsTitle: team.documents_title,
          channelFolders: standard,
          ownersClaimListed: def.switches.ownersClaimListedInOwnersGroup,
        },
        now,
      );
    } catch (e) {
      // E.g. a list already titled like the library, or a list (not a library) at its URL: the site conflicts.
      if (e instanceof SpError)
        throw new TeamDefinitionError(`SharePoint refused the group connection: ${e.message}`, e.status === 500 ? 409 : 400);
      if (e instanceof Error) throw new TeamDefinitionError(`SharePoint refused the group connection: ${e.message}`, 409);
      throw e;
    }
  })();
  return teamView(db)!;
}

/** What `GET /_emulator/team` answers: the definition as stored, plus what it made on the SharePoint side. */
export interface TeamView {
  id: string;
  displayName: string;
  description: string;
  mail: string;
  owners: string[];
  members: string[];
  channels: Array<ChannelDefinition & { createdDateTime: string }>;
  documentsUrl: string;
  documentsTitle: string;
  switches: TeamSwitches;
  claims: { members: string; owners: string };
}

/** The stored team in its definition shape, or null on a site without a team. */
export function teamView(db: Database): TeamView | null {
  const team = currentTeam(db);
  if (!team) return null;
  const members = db.prepare(`SELECT * FROM graph_team_members WHERE team_id = ? ORDER BY rowid`).all(team.id) as TeamMemberRow[];
  const channels = db
    .prepare(`SELECT * FROM graph_team_channels WHERE team_id = ? ORDER BY position`)
    .all(team.id) as ChannelRow[];
  const channelMembers = db
    .prepare(`SELECT channel_id, user_key, role FROM graph_channel_members WHERE team_id = ? ORDER BY rowid`)
    .all(team.id) as { channel_id: string; user_key: string; role: string }[];
  return {
    id: team.id,
    displayName: team.display_name,
    description: team.description,
    mail: team.mail,
    owners: members.filter((m) => m.role === 'owner').map((m) => m.user_key),
    members: members.filter((m) => m.role === 'member').map((m) => m.user_key),
    channels: channels.map((c) => {
      const of = (role: string): string[] =>
        channelMembers.filter((m) => m.channel_id === c.id && m.role === role).map((m) => m.user_key);
      return {
        id: c.id,
        displayName: c.display_name,
        description: c.description,
        membershipType: c.membership_type,
        createdDateTime: c.created_at,
        ...(c.membership_type === 'standard' ? { folderName: c.folder_name ?? c.display_name } : { members: of('member'), owners: of('owner') }),
      };
    }),
    documentsUrl: team.documents_url,
    documentsTitle: team.documents_title,
    switches: switchesOf(team),
    claims: { members: membersClaim(team.id), owners: ownersClaim(team.id) },
  };
}

export type { TeamRow };
