import type { EmulatorContext, EmulatorResponse, EmulatorUser } from '../types';
import { GraphValidationError, invalid } from './errors';
import { isObject, parseJsonBody, type JsonObject } from './json';

/** Teams refuses a channel message larger than about 28 KB ("Request Entity too large"), counting the whole message. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const KNOWN_ATTACHMENT_TYPES = new Set([
  CARD_TYPE,
  'reference',
  'messageReference',
  'application/vnd.microsoft.card.thumbnail',
  'application/vnd.microsoft.card.hero',
  'application/vnd.microsoft.card.o365connector',
]);

/** `POST /v1.0/teams/{team}/channels/{channel}/messages`: validates like Teams and stores the chatMessage (201). */
export function postChannelMessage(
  teamId: string,
  channelId: string,
  raw: Buffer,
  user: EmulatorUser,
  ctx: EmulatorContext,
): EmulatorResponse {
  if (raw.length > TEAMS_MESSAGE_LIMIT_BYTES) {
    throw new GraphValidationError(
      `Request Entity too large: the message is ${raw.length} bytes; ` +
        `Teams accepts at most ${TEAMS_MESSAGE_LIMIT_BYTES} bytes (28 KB).`,
      'RequestEntityTooLarge',
      413,
    );
  }
  const payload = parseJsonBody(raw);
  const body = payload.body;
  if (!isObject(body)) invalid('body', 'is required.');
  if (typeof body.content !== 'string' || !body.content.trim()) invalid('body.content', 'is required.');
  const contentType = body.contentType === undefined ? 'text' : body.contentType;
  if (contentType !== 'text' && contentType !== 'html')
    invalid('body.contentType', `'${String(contentType)}' is not one of 'text', 'html'.`);
  const attachments = parseAttachments(payload.attachments, body.content);

  const now = ctx.now().toISOString();
  const id = nextMessageId(ctx, ctx.now().getTime());
  const message: JsonObject = {
    id,
    replyToId: null,
    etag: id,
    messageType: 'message',
    createdDateTime: now,
    lastModifiedDateTime: now,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: typeof payload.subject === 'string' ? payload.subject : null,
    summary: typeof payload.summary === 'string' ? payload.summary : null,
    importance: typeof payload.importance === 'string' ? payload.importance : 'normal',
    locale: 'en-us',
    webUrl:
      `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${id}` +
      `?groupId=${encodeURIComponent(teamId)}`,
    from: {
      application: null,
      device: null,
      user: { id: user.aadId, displayName: user.displayName, userIdentityType: 'aadUser' },
    },
    body: { contentType, content: body.content },
    channelIdentity: { teamId, channelId },
    attachments,
    mentions: [],
    reactions: [],
  };
  const tx = ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO graph_channel_messages (id, team_id, channel_id, created_at, message_json) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, teamId, channelId, now, JSON.stringify(message));
  });
  tx();
  const context =
    `https://graph.microsoft.com/v1.0/$metadata#teams('${teamId}')` + `/channels('${channelId}')/messages/$entity`;
  return { status: 201, body: { '@odata.context': context, ...message } };
}

/** `GET /v1.0/teams/{team}/channels/{channel}/messages`: newest first, as Graph lists them. */
export function listChannelMessages(teamId: string, channelId: string, ctx: EmulatorContext): JsonObject[] {
  const rows = ctx.db
    .prepare('SELECT message_json FROM graph_channel_messages WHERE team_id = ? AND channel_id = ? ORDER BY seq DESC')
    .all(teamId, channelId) as { message_json: string }[];
  return rows.map((r) => JSON.parse(r.message_json) as JsonObject);
}

/** Every attachment must be referenced by `<attachment id="...">` in the body and vice versa; cards must parse. */
function parseAttachments(value: unknown, content: string): JsonObject[] {
  if (value === undefined || value === null) value = [];
  if (!Array.isArray(value)) invalid('attachments', 'must be an array.');
  const referenced = new Set([...content.matchAll(/<attachment\s+id\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]));
  const seen = new Set<string>();
  const out = value.map((a: unknown, i: number) => {
    const at = `attachments[${i}]`;
    if (!isObject(a)) invalid(at, 'must be an object.');
    if (typeof a.id !== 'string' || !a.id) invalid(`${at}.id`, 'is required.');
    if (seen.has(a.id)) invalid(`${at}.id`, `duplicate attachment id '${a.id}'.`);
    seen.add(a.id);
    if (!referenced.has(a.id))
      invalid(
        `${at}.id`,
        `attachment '${a.id}' is not referenced by <attachment id="${a.id}"></attachment> in body.content.`,
      );
    if (typeof a.contentType !== 'string' || !KNOWN_ATTACHMENT_TYPES.has(a.contentType)) {
      invalid(`${at}.contentType`, `'${String(a.contentType)}' is not a supported attachment content type.`);
    }
    if (a.contentType === CARD_TYPE) validateCard(a.content, `${at}.content`);
    return {
      id: a.id,
      contentType: a.contentType,
      contentUrl: a.contentUrl ?? null,
      content: a.content ?? null,
      name: a.name ?? null,
      thumbnailUrl: null,
      teamsAppId: null,
    };
  });
  for (const id of referenced) {
    if (!seen.has(id)) invalid('body.content', `references attachment '${id}', which is not in attachments.`);
  }
  return out;
}

/** The card travels as a JSON string; it must parse and be an AdaptiveCard with a version. */
function validateCard(content: unknown, field: string): void {
  if (typeof content !== 'string') invalid(field, 'must be the Adaptive Card JSON as a string.');
  let card: unknown;
  try {
    card = JSON.parse(content);
  } catch (e) {
    invalid(field, `is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(card) || card.type !== 'AdaptiveCard') invalid(`${field}.type`, "must be 'AdaptiveCard'.");
  if (typeof card.version !== 'string') invalid(`${field}.version`, 'is required (e.g. "1.5").');
  if (card.body !== undefined && !Array.isArray(card.body)) invalid(`${field}.body`, 'must be an array.');
}

/** Teams message ids are the creation time in epoch milliseconds; bump past the last id so ids stay unique. */
function nextMessageId(ctx: EmulatorContext, ms: number): string {
  const row = ctx.db.prepare('SELECT MAX(CAST(id AS INTEGER)) AS last FROM graph_channel_messages').get() as {
    last: number | null;
  };
  return String(Math.max(ms, (row.last ?? 0) + 1));
}
