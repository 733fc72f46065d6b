/**
 * The Microsoft 365 group with its Team that the emulated site is connected to: the definition (tables `graph_team*`,
 * created idempotently), the switches for behaviour no source settles, and the group claims SharePoint resolves a
 * user's rights through (`c:0o.c|federateddirectoryclaimprovider|<groupId>` and `…_o`). This module only reads and
 * writes SQLite; it has no dependency on the SharePoint or Graph handlers, so both can use it.
 */
import type { Database } from 'better-sqlite3';

/** Claims prefix of a Microsoft 365 group in SharePoint (modernize-connect-to-office365-group-permissions). */
export const GROUP_CLAIM_PREFIX = 'c:0o.c|federateddirectoryclaimprovider|';

/** Claims login of the group's members (`<groupId>`), a visible member of the site's Members group. */
export function membersClaim(groupId: string): string {
  return `${GROUP_CLAIM_PREFIX}${groupId.toLowerCase()}`;
}

/** Claims login of the group's owners (`<groupId>_o`), a site collection administrator and hidden in Owners. */
export function ownersClaim(groupId: string): string {
  return `${GROUP_CLAIM_PREFIX}${groupId.toLowerCase()}_o`;
}

/** True for a group claims login (either kind). */
export function isGroupClaim(login: string): boolean {
  return login.toLowerCase().startsWith(GROUP_CLAIM_PREFIX);
}

/** Id of the SharePoint Owners group of a team site (the `_o` claim is its hidden member). */
export const SP_OWNERS_GROUP_ID = 3;
/** Id of the SharePoint Members group of a team site (the members claim is its visible member). */
export const SP_MEMBERS_GROUP_ID = 5;

/** `channel.membershipType` (channelMembershipType). */
export type ChannelMembershipType = 'standard' | 'private' | 'shared';

/** One channel of the team as a test or the seed defines it. */
export interface ChannelDefinition {
  /** Teams thread id, `19:…@thread.tacv2`. */
  id: string;
  displayName: string;
  description?: string;
  membershipType: ChannelMembershipType;
  /** Private/shared channels: their members (user keys; must be team members). Ignored for standard channels. */
  members?: string[];
  /** Private/shared channels: their owners (user keys; must be team members). Ignored for standard channels. */
  owners?: string[];
  /**
   * Standard channels: the name of the channel's folder in the default library, fixed when the folder is first made
   * (default: the display name). The General channel's folder is "General" or, on some Dutch sites, "Algemeen".
   */
  folderName?: string;
}

/**
 * Behaviour no Microsoft source settles; each is a named choice, stored with the team, defaults as documented in
 * `workbench/emulator/graph/README.md` ("Switches").
 */
export interface TeamSwitches {
  /**
   * Status for a team member who is not a member of a private or shared channel and reads it, its members, its
   * messages or its filesFolder. Default 403 (community and issue reports of `403 Forbidden`; no Microsoft doc).
   */
  privateChannelDenialStatus: 403 | 404;
  /**
   * Only members of a private/shared channel may post or read its messages. Default true: expected, but UNCONFIRMED
   * by any source (team-site.md §4); switch it off to accept posts from any team member.
   */
  privateChannelMessagesMembersOnly: boolean;
  /**
   * Team owners see private/shared channels they are not a member of in `GET /teams/{id}/channels`. Default false:
   * the doc says members don't see them and says nothing of owners; a community answer says owners do.
   */
  ownersListAllPrivateChannels: boolean;
  /**
   * `IsSiteAdmin` on a group owner's own SP.User entry reads true. Default false: Microsoft documents the `_o` claim
   * as the site collection administrator, not the user entry (the owner's rights are an admin's either way).
   */
  ownerUserEntryIsSiteAdmin: boolean;
  /**
   * The `_o` claim is listed in `sitegroups/getbyid(3)/users`. Default false: Microsoft calls it a hidden member and
   * tenants show the Owners group empty; whether REST lists it is UNCONFIRMED.
   */
  ownersClaimListedInOwnersGroup: boolean;
}

/** Defaults of {@link TeamSwitches}. */
export const DEFAULT_TEAM_SWITCHES: TeamSwitches = {
  privateChannelDenialStatus: 403,
  privateChannelMessagesMembersOnly: true,
  ownersListAllPrivateChannels: false,
  ownerUserEntryIsSiteAdmin: false,
  ownersClaimListedInOwnersGroup: false,
};

/** The group and its Team (`POST /_emulator/team`, `startEmulator({ team })`). */
export interface TeamDefinition {
  /** Object id of the Microsoft 365 group (a GUID); the team id is the same. */
  id: string;
  displayName: string;
  description?: string;
  /** SMTP address of the group (the Members claim principal's Email). */
  mail?: string;
  /** Group owners (user keys). */
  owners: string[];
  /** Group members (user keys). */
  members: string[];
  channels: ChannelDefinition[];
  /** URL (leaf) of the default document library; default `Shared Documents`. */
  documentsUrl?: string;
  /** Title of the default document library; default the Dutch `Documenten` (the web's language is 1043). */
  documentsTitle?: string;
  switches?: Partial<TeamSwitches>;
}

/** A stored team member or owner. */
export interface TeamMemberRow {
  team_id: string;
  user_key: string;
  role: 'owner' | 'member';
  email: string;
  display_name: string;
  aad_id: string;
}

/** A stored channel. */
export interface ChannelRow {
  team_id: string;
  id: string;
  display_name: string;
  description: string;
  membership_type: ChannelMembershipType;
  folder_name: string | null;
  created_at: string;
  position: number;
}

/** A stored team. */
export interface TeamRow {
  id: string;
  display_name: string;
  description: string;
  mail: string;
  documents_url: string;
  documents_title: string;
  switches: string;
  created_at: string;
  updated_at: string;
}

const initialised = new WeakSet<Database>();

/** Creates the team tables (idempotent, `IF NOT EXISTS`). */
export function ensureTeamSchema(db: Database): void {
  if (initialised.has(db)) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS graph_teams (
      id TEXT PRIMARY KEY COLLATE NOCASE,
      display_name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      mail TEXT NOT NULL DEFAULT '',
      documents_url TEXT NOT NULL,
      documents_title TEXT NOT NULL,
      switches TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS graph_team_members (
      team_id TEXT NOT NULL COLLATE NOCASE,
      user_key TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
      email TEXT NOT NULL,
      display_name TEXT NOT NULL,
      aad_id TEXT NOT NULL,
      PRIMARY KEY (team_id, user_key, role)
    );
    CREATE INDEX IF NOT EXISTS graph_team_members_by_user ON graph_team_members (user_key);
    CREATE TABLE IF NOT EXISTS graph_team_channels (
      team_id TEXT NOT NULL COLLATE NOCASE,
      id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      membership_type TEXT NOT NULL CHECK (membership_type IN ('standard', 'private', 'shared')),
      folder_name TEXT,
      created_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (team_id, id)
    );
    CREATE TABLE IF NOT EXISTS graph_channel_members (
      team_id TEXT NOT NULL COLLATE NOCASE,
      channel_id TEXT NOT NULL,
      user_key TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
      PRIMARY KEY (team_id, channel_id, user_key)
    );
  `);
  initialised.add(db);
}

const present = new WeakSet<Database>();

/** True once the team tables exist (checked without creating them, so a read-only path never writes schema). */
function teamTablesExist(db: Database): boolean {
  if (present.has(db)) return true;
  const row = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'graph_team_members'`).get();
  if (row) present.add(db);
  return !!row;
}

/** The team the site is connected to, or undefined (a bare site, as before teams were modelled). */
export function currentTeam(db: Database): TeamRow | undefined {
  if (!teamTablesExist(db)) return undefined;
  return db.prepare(`SELECT * FROM graph_teams ORDER BY created_at LIMIT 1`).get() as TeamRow | undefined;
}

/** The switches of a stored team, defaults filled in. */
export function switchesOf(team: TeamRow | undefined): TeamSwitches {
  if (!team) return { ...DEFAULT_TEAM_SWITCHES };
  return { ...DEFAULT_TEAM_SWITCHES, ...(JSON.parse(team.switches) as Partial<TeamSwitches>) };
}

/**
 * The SharePoint principals a user acts as through the group claims they satisfy: the claim principals themselves
 * (members claim for a group member, `_o` claim for a group owner) and, for an owner, the Owners group the `_o` claim
 * is a hidden member of (unless the claim is stored as a listed member). Empty on a site without a team.
 */
export function claimPrincipalsOf(db: Database, userId: number): { claims: number[]; hiddenGroups: number[] } {
  if (!teamTablesExist(db)) return { claims: [], hiddenGroups: [] };
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id AS id, m.role AS role FROM graph_team_members m
       JOIN sp_principals u ON u.user_key = m.user_key
       JOIN sp_principals p ON p.login_name = '${GROUP_CLAIM_PREFIX}' || lower(m.team_id) ||
         CASE m.role WHEN 'owner' THEN '_o' ELSE '' END
       WHERE u.id = ?`,
    )
    .all(userId) as { id: number; role: string }[];
  if (!rows.length) return { claims: [], hiddenGroups: [] };
  const listed = switchesOf(currentTeam(db)).ownersClaimListedInOwnersGroup;
  return {
    claims: rows.map((r) => r.id),
    hiddenGroups: !listed && rows.some((r) => r.role === 'owner') ? [SP_OWNERS_GROUP_ID] : [],
  };
}

/**
 * Site collection administrator: the user entry's own flag, or a claim the user satisfies that is one (the `_o` claim
 * of the connected group: "group owners are automatically included as site admins").
 */
export function isSiteAdmin(db: Database, userId: number): boolean {
  const own = db.prepare(`SELECT is_site_admin FROM sp_principals WHERE id = ?`).pluck().get(userId) as
    | number
    | undefined;
  if (own === 1) return true;
  const { claims } = claimPrincipalsOf(db, userId);
  if (!claims.length) return false;
  return !!db
    .prepare(`SELECT 1 FROM sp_principals WHERE is_site_admin = 1 AND id IN (${claims.map(() => '?').join(',')})`)
    .get(...claims);
}

/** True when the user (SharePoint principal id) is an admin only through a group claim (not by its own entry). */
export function isSiteAdminThroughClaim(db: Database, userId: number): boolean {
  const own = db.prepare(`SELECT is_site_admin FROM sp_principals WHERE id = ?`).pluck().get(userId) as
    | number
    | undefined;
  return own !== 1 && isSiteAdmin(db, userId);
}
