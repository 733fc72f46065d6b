import {
  ChannelMessageTooLargeError,
  cardHasElementId,
  type AdaptiveCardJson,
  type ChannelInspection,
  type ChannelPoster,
  type ChannelRef,
  type PostedChannelMessage,
} from '../../ports/channel';
import { LookupUnavailableError } from '../../ports/mail';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { lookupUnavailable } from './lookup';

/** Teams refuses channel messages over about 28 KB ("Request Entity too large"), counting the whole message. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

// The same id src/cards/size.ts assumes, so its early size check and this one measure the same bytes.
const ATTACHMENT_ID = 'att1';
const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Permission Graph needs to list a channel's messages (delegated; admin consent). */
export const CHANNEL_LOOKUP_PERMISSION = 'ChannelMessage.Read.All';
/** Graph's largest page of channel messages ("You can extend up to 50 channel messages per page"). */
export const CHANNEL_MESSAGES_TOP = 50;
/** Pages read at most when looking for a card (250 messages); a busier channel is "cannot tell", never "absent". */
export const CHANNEL_LOOKUP_MAX_PAGES = 5;
/** Messages this much older than the attempt still count as "before it": clocks of client and Teams differ. */
export const CHANNEL_LOOKUP_MARGIN_MS = 5 * 60_000;

interface GraphChatMessage {
  id?: string;
  createdDateTime?: string;
  webUrl?: string | null;
  attachments?: Array<{ contentType?: string; content?: unknown }> | null;
}

/**
 * {@link ChannelPoster} over Graph `POST /teams/{team}/channels/{channel}/messages` (delegated ChannelMessage.Send):
 * the card goes as an `application/vnd.microsoft.card.adaptive` attachment referenced from the body.
 */
export class GraphChannelPoster implements ChannelPoster {
  /** Posts as the signed-in user through `client`. */
  constructor(
    private readonly client: GraphClientLike,
    private readonly options: GraphCallOptions = {},
  ) {}

  /**
   * The channel's membership type (delegated Channel.ReadBasic.All) and members (delegated ChannelMember.Read.All).
   * `Prefer: include-unknown-enum-members` so a shared channel reads 'shared', not 'unknownFutureValue'.
   */
  async inspect(channel: ChannelRef): Promise<ChannelInspection> {
    const base = `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}`;
    const info = (await callGraph(this.client, 'GET', base, undefined, {
      ...this.options,
      headers: { Prefer: 'include-unknown-enum-members' },
    })) as { membershipType?: string; displayName?: string };
    const kinds = ['standard', 'private', 'shared'];
    const membershipType = (kinds.includes(String(info?.membershipType)) ? info.membershipType : 'unknownFutureValue') as
      ChannelInspection['membershipType'];
    const members: ChannelInspection['members'] = [];
    for (let path: string | undefined = `${base}/members`; path; ) {
      const page = (await callGraph(this.client, 'GET', path, undefined, this.options)) as {
        value?: Array<{ displayName?: string; email?: string | null; roles?: string[] }>;
        '@odata.nextLink'?: string;
      };
      for (const m of page?.value ?? []) {
        members.push({
          displayName: m.displayName ?? '',
          ...(m.email ? { email: m.email } : {}),
          roles: Array.isArray(m.roles) ? m.roles : [],
        });
      }
      const next = page?.['@odata.nextLink'];
      path = next ? next.replace(/^https?:\/\/[^/]+\/v1\.0/, '') : undefined;
    }
    return { membershipType, displayName: info?.displayName ?? '', members };
  }

  /** Posts the card; refuses before sending when the message would exceed 28 KB. */
  async postCard(
    channel: ChannelRef,
    card: AdaptiveCardJson,
    opts: { subject?: string } = {},
  ): Promise<PostedChannelMessage> {
    const payload = {
      ...(opts.subject ? { subject: opts.subject } : {}),
      body: { contentType: 'html', content: `<attachment id="${ATTACHMENT_ID}"></attachment>` },
      attachments: [
        { id: ATTACHMENT_ID, contentType: CARD_CONTENT_TYPE, content: JSON.stringify(card) },
      ],
    };
    // The Graph client sends JSON.stringify(payload); measure exactly that, in UTF-8 bytes as it travels.
    const size = new TextEncoder().encode(JSON.stringify(payload)).length;
    if (size > TEAMS_MESSAGE_LIMIT_BYTES) throw new ChannelMessageTooLargeError(size, TEAMS_MESSAGE_LIMIT_BYTES);
    const { teamId, channelId } = channel;
    const path = `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`;
    const res = (await callGraph(this.client, 'POST', path, payload, this.options)) as {
      id?: string;
      createdDateTime?: string;
      webUrl?: string | null;
    };
    if (!res || typeof res.id !== 'string' || typeof res.createdDateTime !== 'string') {
      throw new Error(`Graph POST ${path} answered without a message id and createdDateTime.`);
    }
    return { id: res.id, createdAt: res.createdDateTime, webUrl: res.webUrl ?? null };
  }

  /**
   * `GET /teams/{team}/channels/{channel}/messages?$top=50` (delegated ChannelMessage.Read.All), newest first as Graph
   * lists them, following `@odata.nextLink` until a message is older than `since` (less a margin for clock skew) or
   * {@link CHANNEL_LOOKUP_MAX_PAGES} pages were read. A card matches when an element of its Adaptive Card JSON has
   * `id === cardId`. Without `since` only the first page counts: a channel with more messages is "cannot tell".
   */
  async findCard(
    channel: ChannelRef,
    cardId: string,
    options: { since?: string } = {},
  ): Promise<PostedChannelMessage | undefined> {
    const base = `/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;
    const sinceMs = options.since ? Date.parse(options.since) : NaN;
    const stopBefore = Number.isFinite(sinceMs) ? sinceMs - CHANNEL_LOOKUP_MARGIN_MS : undefined;
    const maxPages = stopBefore === undefined ? 1 : CHANNEL_LOOKUP_MAX_PAGES;
    let path: string | undefined = `${base}?$top=${CHANNEL_MESSAGES_TOP}`;
    for (let page = 0; path; page++) {
      if (page >= maxPages) {
        throw new LookupUnavailableError(
          `the ${page * CHANNEL_MESSAGES_TOP} newest messages of channel ${channel.channelId} do not reach back to ${options.since ?? 'the attempt'}`,
          200,
        );
      }
      let res: { value?: GraphChatMessage[]; '@odata.nextLink'?: string };
      try {
        res = (await callGraph(this.client, 'GET', path, undefined, this.options)) as typeof res;
      } catch (e) {
        // Teams answers 403 "Missing scope permissions on the request" without the permission, and 403 (or 404) to
        // someone outside a private channel: only the first is the permission's fault.
        throw lookupUnavailable(e, CHANNEL_LOOKUP_PERMISSION, (err) => /scope|permission/i.test(err.message));
      }
      if (!res || !Array.isArray(res.value))
        throw new LookupUnavailableError(`Graph GET ${base} answered without a value list.`, 200);
      for (const m of res.value) {
        if (typeof m.id === 'string' && carriesCard(m, cardId)) {
          return { id: m.id, createdAt: m.createdDateTime ?? '', webUrl: m.webUrl ?? null };
        }
      }
      if (stopBefore !== undefined && res.value.some((m) => Date.parse(m.createdDateTime ?? '') < stopBefore)) return undefined;
      const next = res['@odata.nextLink'];
      path = next ? next.replace(/^https?:\/\/[^/]+\/v1\.0/, '') : undefined;
    }
    return undefined;
  }
}

/** True when one of the message's Adaptive Card attachments has an element with `id === cardId`. */
function carriesCard(message: GraphChatMessage, cardId: string): boolean {
  for (const a of message.attachments ?? []) {
    if (a.contentType !== CARD_CONTENT_TYPE) continue;
    let card: unknown = a.content;
    if (typeof card === 'string') {
      try {
        card = JSON.parse(card);
      } catch {
        continue;
      }
    }
    if (cardHasElementId(card, cardId)) return true;
  }
  return false;
}
