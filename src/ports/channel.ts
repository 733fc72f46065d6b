/** An Adaptive Card as JSON (built by `src/cards`). */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

/** A Teams channel: the team (group) id and the channel id (`19:...@thread.tacv2`). */
export interface ChannelRef {
  teamId: string;
  channelId: string;
}

/** What the channel answered for a posted message. */
export interface PostedChannelMessage {
  id: string;
  /** ISO 8601 instant the channel recorded. */
  createdAt: string;
  webUrl: string | null;
}

/** What Graph says about a channel: its kind and who is in it. */
export interface ChannelInspection {
  /** Graph's channelMembershipType ('unknownFutureValue' when Graph names a kind it was not asked to reveal). */
  membershipType: 'standard' | 'private' | 'shared' | 'unknownFutureValue';
  displayName: string;
  members: Array<{ displayName: string; email?: string; roles: string[] }>;
}

/** Posts Adaptive Cards to a Teams channel as the signed-in user (e.g. the privacy officers' channel, annex 2). */
export interface ChannelPoster {
  /**
   * Reads the channel's membership type and members (Graph `GET …/channels/{id}` and `…/members`). Rejects when Graph
   * refuses (a private channel the user is not a member of, a missing permission): then nothing could be checked.
   */
  inspect(channel: ChannelRef): Promise<ChannelInspection>;
  /**
   * Posts the card; rejects with {@link ChannelMessageTooLargeError} before sending when the message exceeds what the
   * channel accepts, and with an Error naming the failure otherwise.
   */
  postCard(channel: ChannelRef, card: AdaptiveCardJson, options?: { subject?: string }): Promise<PostedChannelMessage>;
  /**
   * Looks among the channel's newest messages (newest first, back to `since` minus a margin) for a card carrying an
   * element whose `id` is `cardId`; undefined when there is none. Rejects with `LookupUnavailableError` (./mail) when
   * the channel cannot be read or the search had to stop before reaching `since`. Optional: without it nothing can be
   * told.
   */
  findCard?(channel: ChannelRef, cardId: string, options?: { since?: string }): Promise<PostedChannelMessage | undefined>;
}

/** True when an Adaptive Card (or any JSON inside it) has an element whose `id` is `cardId`. */
export function cardHasElementId(card: unknown, cardId: string): boolean {
  if (Array.isArray(card)) return card.some((c) => cardHasElementId(c, cardId));
  if (typeof card !== 'object' || card === null) return false;
  const o = card as Record<string, unknown>;
  if (o.id === cardId) return true;
  return Object.values(o).some((v) => typeof v === 'object' && v !== null && cardHasElementId(v, cardId));
}

/** The message is larger than the channel accepts (Teams: about 28 KB including the card); nothing was sent. */
export class ChannelMessageTooLargeError extends Error {
  /** Builds the error with the measured and the allowed size in bytes. */
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `Channel message is ${sizeBytes} bytes; Teams accepts at most ${limitBytes} bytes (28 KB). ` +
        'Shorten the card (fewer facts or shorter texts); nothing was sent.',
    );
    this.name = 'ChannelMessageTooLargeError';
  }
}
