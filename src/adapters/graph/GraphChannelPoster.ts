import {
  ChannelMessageTooLargeError,
  type AdaptiveCardJson,
  type ChannelInspection,
  type ChannelPoster,
  type ChannelRef,
  type PostedChannelMessage,
} from '../../ports/channel';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';

/** Teams refuses channel messages over about 28 KB ("Request Entity too large"), counting the whole message. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

// The same id src/cards/size.ts assumes, so its early size check and this one measure the same bytes.
const ATTACHMENT_ID = 'att1';

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
        { id: ATTACHMENT_ID, contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) },
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
}
