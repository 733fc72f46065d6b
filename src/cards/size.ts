/** Size of a card as Graph sends it in a channel message; Teams refuses messages over about 28 KB. */

/** Teams' limit on a channel message, including the card (bytes). */
export const MAX_MESSAGE_BYTES = 28 * 1024;

/** Bytes of the channel message that carries the card as an attachment (the shape GraphChannelPoster sends). */
export function channelMessageBytes(card: unknown): number {
  const message = {
    body: { contentType: 'html', content: '<attachment id="att1"></attachment>' },
    attachments: [
      { id: 'att1', contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card) },
    ],
  };
  return utf8Length(JSON.stringify(message));
}

/** UTF-8 byte length without TextEncoder (absent in some hosts and test environments). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // surrogate pair: one code point above U+FFFF
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The card is larger than a channel message may be. */
export class CardTooLargeError extends Error {
  /** Builds the error with the measured size. */
  constructor(readonly bytes: number) {
    super(`Adaptive Card message is ${bytes} bytes; Teams accepts at most ${MAX_MESSAGE_BYTES} bytes`);
    this.name = 'CardTooLargeError';
  }
}

/** Throws {@link CardTooLargeError} when the card would not fit in a channel message; returns the size otherwise. */
export function assertCardFits(card: unknown): number {
  const bytes = channelMessageBytes(card);
  if (bytes > MAX_MESSAGE_BYTES) throw new CardTooLargeError(bytes);
  return bytes;
}
