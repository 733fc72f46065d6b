import type { EmulatorContext, EmulatorHandler, EmulatorRequest, EmulatorResponse, EmulatorUser } from '../types';
import { listChannelMessages, postChannelMessage } from './channel';
import { graphError, GraphValidationError } from './errors';
import { createEvent, listEvents, type CalendarOwner } from './events';
import { sendMail } from './mail';
import { listFolderMessages } from './mailFolders';
import { applySelect, userResource } from './me';
import { listUsers } from './users';
import { pageOf, type PagingRule } from './paging';
import { readBack } from './readback';
import { missingScope } from './scopes';
import { ensureGraphSchema, mailboxKey } from './store';
import { ensureTeamSchema } from './teamModel';
import {
  getChannel,
  getFilesFolder,
  getGroupDrive,
  getPrimaryChannel,
  getTeam,
  listChannelMembers,
  listChannels,
  listGroupPeople,
  listTeamMembers,
  messageAccess,
} from './teams';

export { TEAMS_MESSAGE_LIMIT_BYTES } from './channel';
export { defineTeam, teamView, TeamDefinitionError, type TeamView } from './team';
export { DEFAULT_TEAM_SWITCHES, type ChannelDefinition, type TeamDefinition, type TeamSwitches } from './teamModel';
export { EMULATOR_PROPERTY } from './events';

// Graph pages events by 10 ($skip) and channel messages by 20, at most 50 ($skiptoken).
const EVENT_PAGES: PagingRule = { defaultTop: 10, maxTop: 1000, cursor: '$skip' };
const MESSAGE_PAGES: PagingRule = { defaultTop: 20, maxTop: 50, cursor: '$skiptoken' };

/**
 * Delegated permission to list a channel's messages: "ChannelMessage.Read.All" is the only delegated one
 * (https://learn.microsoft.com/en-us/graph/api/channel-list-messages); a token with only ChannelMessage.Send or
 * ChannelMessage.ReadWrite is refused naming it (https://github.com/12Knocksinna/Office365itpros/issues/116).
 */
const CHANNEL_MESSAGES_READ_SCOPES = ['ChannelMessage.Read.All'];

/** Path prefix of the workbench read-back endpoints (mount it next to `/v1.0/`). */
export const GRAPH_READBACK_PREFIX = '/_emulator/graph/';

/**
 * Microsoft Graph subset of the emulator: `/me`, `/me/sendMail`, channel messages with Adaptive Cards, events with
 * recurrence and reminders in user and group calendars, the defined team (team, channels, members, filesFolder, the
 * group's members, owners and drive), plus read-back under `/_emulator/graph/`. Any other path returns null so the
 * server answers 501.
 */
export const graphHandler: EmulatorHandler = async (req, ctx) => {
  if (!owns(req)) return null;
  ensureGraphSchema(ctx.db);
  ensureTeamSchema(ctx.db);
  try {
    const route = routeOf(req);
    if (!route) return null;
    if (route.readBack) return readBack(route.segments, ctx);
    if (!req.user) {
      // Graph over http carries no bearer token; identity is the EmuAuth cookie / X-Emulator-User header.
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', ctx.now());
    }
    return dispatch(req.method.toUpperCase(), route.segments, req, req.user, ctx);
  } catch (e) {
    if (e instanceof GraphValidationError) return graphError(e.status, e.code, e.message, ctx.now());
    throw e;
  }
};

function owns(req: EmulatorRequest): boolean {
  return req.path.startsWith(GRAPH_READBACK_PREFIX) || req.path.toLowerCase().startsWith('/v1.0/');
}

function routeOf(req: EmulatorRequest): { segments: string[]; readBack: boolean } | null {
  // OData key syntax `mailFolders('SentItems')` addresses the same resource as `mailFolders/SentItems`.
  const split = (p: string): string[] =>
    p
      .split('/')
      .filter(Boolean)
      .map(decodeSegment)
      .flatMap((seg) => {
        const m = /^([A-Za-z][\w.]*)\('((?:[^']|'')*)'\)$/.exec(seg);
        return m ? [m[1], m[2].replace(/''/g, "'")] : [seg];
      });
  if (req.path.startsWith(GRAPH_READBACK_PREFIX)) {
    return req.method.toUpperCase() === 'GET'
      ? { segments: split(req.path.slice(GRAPH_READBACK_PREFIX.length)), readBack: true }
      : null;
  }
  if (req.path.toLowerCase().startsWith('/v1.0/'))
    return { segments: split(req.path.slice('/v1.0/'.length)), readBack: false };
  return null;
}

function dispatch(
  method: string,
  s: string[],
  req: EmulatorRequest,
  user: EmulatorUser,
  ctx: EmulatorContext,
): EmulatorResponse | null {
  const lower = s.map((x) => x.toLowerCase());
  const key = `${method} ${lower.map((x, i) => (isVariable(lower, i) ? '{}' : x)).join('/')}`;
  switch (key) {
    case 'GET me':
      return json(200, applySelect(userResource(user), req.query.get('$select')));
    case 'GET users':
      return ctx.directory ? json(200, listUsers(ctx.directory, req)) : null;
    case 'POST me/sendmail':
      return sendMail(req.body, user, ctx);
    case 'POST teams/{}/channels/{}/messages':
      return messageAccess(s[1], s[3], user, ctx) ?? postChannelMessage(s[1], s[3], req.body, user, ctx);
    case 'GET me/mailfolders/{}/messages':
      return listFolderMessages(s[2], req, user, ctx);
    case 'GET teams/{}/channels/{}/messages': {
      const denied = missingScope(req, ctx, CHANNEL_MESSAGES_READ_SCOPES, 'teams') ?? messageAccess(s[1], s[3], user, ctx);
      if (denied) return denied;
      const context = `https://graph.microsoft.com/v1.0/$metadata#teams('${s[1]}')/channels('${s[3]}')/messages`;
      return json(200, pageOf(listChannelMessages(s[1], s[3], ctx), req, MESSAGE_PAGES, context));
    }
    case 'GET teams/{}':
      return getTeam(s[1], user, ctx);
    case 'GET teams/{}/members':
      return listTeamMembers(s[1], user, ctx);
    case 'GET teams/{}/channels':
      return listChannels(s[1], req, user, ctx);
    case 'GET teams/{}/primarychannel':
      return getPrimaryChannel(s[1], req, user, ctx);
    case 'GET teams/{}/channels/{}':
      return getChannel(s[1], s[3], req, user, ctx);
    case 'GET teams/{}/channels/{}/members':
      return listChannelMembers(s[1], s[3], user, ctx);
    case 'GET teams/{}/channels/{}/filesfolder':
      return getFilesFolder(s[1], s[3], req, user, ctx);
    case 'GET groups/{}/members':
      return listGroupPeople(s[1], 'member', req, ctx);
    case 'GET groups/{}/owners':
      return listGroupPeople(s[1], 'owner', req, ctx);
    case 'GET groups/{}/drive':
      return getGroupDrive(s[1], req, user, ctx);
    case 'POST me/events':
    case 'GET me/events':
      return events(method, { kind: 'user', id: mailboxKey(user.email) }, req, user, ctx);
    case 'POST users/{}/events':
    case 'GET users/{}/events': {
      if (!isSelf(s[1], user)) {
        // Without a delegate grant Exchange refuses another user's calendar; the emulator models no delegation.
        return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.', ctx.now());
      }
      return events(method, { kind: 'user', id: mailboxKey(user.email) }, req, user, ctx);
    }
    case 'POST groups/{}/events':
    case 'GET groups/{}/events':
      return events(method, { kind: 'group', id: s[1] }, req, user, ctx);
    default:
      return null;
  }
}

function events(
  method: string,
  owner: CalendarOwner,
  req: EmulatorRequest,
  user: EmulatorUser,
  ctx: EmulatorContext,
): EmulatorResponse {
  if (method === 'POST') return createEvent(owner, req.body, user, ctx);
  const context = `https://graph.microsoft.com/v1.0/$metadata#${owner.kind}s('${owner.id}')/events`;
  return json(200, pageOf(listEvents(owner, ctx), req, EVENT_PAGES, context));
}

/** Segments that are ids: the one after `teams`, `channels`, `users`, `groups`, `mailfolders`. */
function isVariable(lower: string[], i: number): boolean {
  return i > 0 && ['teams', 'channels', 'users', 'groups', 'mailfolders'].includes(lower[i - 1]);
}

function isSelf(idOrUpn: string, user: EmulatorUser): boolean {
  const v = idOrUpn.toLowerCase();
  return v === user.aadId.toLowerCase() || v === user.email.toLowerCase();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphValidationError(`Malformed percent-encoding in the URL segment '${segment}'.`, 'BadRequest');
  }
}

function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}
