/**
 * `GET /v1.0/me/mailFolders/{folder}/messages` (also `/me/mailFolders('{folder}')/messages`) with the one query the
 * product makes: `$filter` on a single-value extended property, `$select`, `$top`, `$skip`. Well-known folder names
 * only (`inbox`, `drafts`, `sentitems`, case-insensitive; mailFolder resource,
 * https://learn.microsoft.com/en-us/graph/api/resources/mailfolder). Anything else answers 501: Graph supports it, the
 * emulator does not model it.
 *
 * Permission (delegated): filtering on an extended property needs Mail.Read (Get singleValueLegacyExtendedProperty:
 * "message | Mail.Read"); Mail.ReadBasic, the least privileged permission for listing messages
 * (https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messages), excludes "any extended properties"
 * (https://learn.microsoft.com/en-us/graph/permissions-reference#mailreadbasic). Accepted: Mail.Read, Mail.ReadWrite.
 */
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, EmulatorUser } from '../types';
import { graphError } from './errors';
import { matchesFilter, parseExtendedPropertyFilter } from './extendedProperties';
import type { JsonObject } from './json';
import { applySelect } from './me';
import { pageOf, type PagingRule } from './paging';
import { missingScope } from './scopes';
import { mailboxKey } from './store';

/** Graph pages messages by 10 (`$top` up to 1000) with `$skip`. */
const MESSAGE_PAGES: PagingRule = { defaultTop: 10, maxTop: 1000, cursor: '$skip' };

const WELL_KNOWN = ['inbox', 'drafts', 'sentitems'];
const QUERY_OPTIONS = ['$filter', '$select', '$top', '$skip'];

/** Delegated permissions that may filter messages on an extended property. */
export const EXTENDED_PROPERTY_READ_SCOPES = ['Mail.Read', 'Mail.ReadWrite'];

function notImplemented(req: EmulatorRequest, ctx: EmulatorContext, what: string): EmulatorResponse {
  return graphError(501, 'NotImplemented', `Emulator does not implement ${req.method} ${req.path}: ${what}`, ctx.now());
}

/** The signed-in user's messages in a well-known folder that carry the filtered extended property, newest first. */
export function listFolderMessages(
  folderName: string,
  req: EmulatorRequest,
  user: EmulatorUser,
  ctx: EmulatorContext,
): EmulatorResponse {
  const folder = folderName.toLowerCase();
  if (!WELL_KNOWN.includes(folder))
    return notImplemented(req, ctx, `only the well-known folders ${WELL_KNOWN.join(', ')} are modelled, not '${folderName}'.`);
  for (const [name] of req.query) {
    if (name.startsWith('$') && !QUERY_OPTIONS.includes(name.toLowerCase()))
      return notImplemented(req, ctx, `the query option ${name} is not modelled.`);
  }
  const raw = req.query.get('$filter');
  if (raw === null) return notImplemented(req, ctx, 'only a $filter on a single-value extended property is modelled.');
  const filter = parseExtendedPropertyFilter(raw);
  if (!filter) return notImplemented(req, ctx, `the filter '${raw}' is not modelled (singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…') is).`);
  if (filter.id.type !== 'String') return notImplemented(req, ctx, `only String extended properties are modelled.`);
  const denied = missingScope(req, ctx, EXTENDED_PROPERTY_READ_SCOPES, 'outlook');
  if (denied) return denied;
  const rows = ctx.db
    .prepare(`SELECT message_json FROM graph_mail WHERE mailbox = ? AND folder = ? ORDER BY received_at DESC, rowid DESC`)
    .all(mailboxKey(user.email), folder) as { message_json: string }[];
  const select = req.query.get('$select');
  const value = rows
    .map((r) => JSON.parse(r.message_json) as JsonObject)
    .filter((m) => matchesFilter(m.singleValueExtendedProperties, filter))
    .map((m) => {
      // "The response body does not include the extended property."
      const { singleValueExtendedProperties: _p, ...message } = m;
      const selected = applySelect(message, select);
      return select ? { id: message.id, ...selected } : selected;
    });
  const context = `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(user.aadId)}')/mailFolders('${folder}')/messages`;
  return { status: 200, headers: { 'content-type': 'application/json' }, body: pageOf(value, req, MESSAGE_PAGES, context) };
}
