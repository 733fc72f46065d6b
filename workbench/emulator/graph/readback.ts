import type { EmulatorContext, EmulatorResponse } from '../types';
import { listChannelMessages } from './channel';
import { listEvents, listInvitations } from './events';
import type { JsonObject } from './json';
import { mailboxKey } from './store';

/**
 * Read-back for the workbench's mailbox, channel and calendar panes (not part of Graph):
 * `/_emulator/graph/mailboxes/{address}`, `/_emulator/graph/channels/{team}/{channel}`,
 * `/_emulator/graph/calendars/{owner}`.
 * A calendar owner containing `@` is a user's mailbox; anything else is a group id.
 */
export function readBack(segments: string[], ctx: EmulatorContext): EmulatorResponse | null {
  const [kind, ...rest] = segments;
  if (kind === 'mailboxes' && rest.length === 1) {
    const mailbox = mailboxKey(rest[0]);
    const rows = ctx.db
      .prepare('SELECT folder, message_json FROM graph_mail WHERE mailbox = ? ORDER BY received_at DESC, rowid DESC')
      .all(mailbox) as { folder: string; message_json: string }[];
    const pick = (folder: string): JsonObject[] =>
      rows.filter((r) => r.folder === folder).map((r) => JSON.parse(r.message_json) as JsonObject);
    return ok({ mailbox, inbox: pick('inbox'), sentItems: pick('sentitems') });
  }
  if (kind === 'channels' && rest.length === 2) {
    return ok({ teamId: rest[0], channelId: rest[1], messages: listChannelMessages(rest[0], rest[1], ctx) });
  }
  if (kind === 'calendars' && rest.length === 1) {
    const owner = rest[0].includes('@')
      ? { kind: 'user' as const, id: mailboxKey(rest[0]) }
      : { kind: 'group' as const, id: rest[0] };
    const invitations = owner.kind === 'user' ? listInvitations(owner.id, ctx) : [];
    return ok({ owner: owner.id, ownerKind: owner.kind, events: listEvents(owner, ctx), invitations });
  }
  return null;
}

function ok(body: unknown): EmulatorResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}
