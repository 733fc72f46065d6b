import { randomUUID } from 'crypto';
import type { EmulatorContext, EmulatorResponse, EmulatorUser } from '../types';
import { GraphValidationError, invalid } from './errors';
import { parseExtendedProperties } from './extendedProperties';
import { isObject, parseJsonBody } from './json';
import { parseItemBody, parseRecipients, type Recipient } from './recipients';
import { mailboxKey, opaqueId } from './store';

/**
 * `POST /v1.0/me/sendMail`: validates as Exchange does, then delivers one copy per recipient mailbox (to, cc, bcc) and
 * one to the sender's Sent Items, all in one transaction. Answers 202 with no body, like Graph. Graph saves the message
 * in Drafts, answers 202, and transport moves it to Sent Items afterwards ("Send mail by using the Microsoft Graph
 * API", https://learn.microsoft.com/en-us/graph/outlook-things-to-know-about-send-mail); the emulator does all of it
 * before answering, so its Drafts folder is always empty. `message.singleValueExtendedProperties` are stored with the
 * sender's copy (the message the request creates); recipients' copies do not get them (whether transport carries named
 * properties into other mailboxes is not documented).
 */
export function sendMail(body: Buffer, user: EmulatorUser, ctx: EmulatorContext): EmulatorResponse {
  const payload = parseJsonBody(body);
  const message = payload.message;
  if (!isObject(message)) invalid('message', 'is required.');
  const to = parseRecipients(message.toRecipients, 'message.toRecipients');
  const cc = parseRecipients(message.ccRecipients, 'message.ccRecipients');
  const bcc = parseRecipients(message.bccRecipients, 'message.bccRecipients');
  if (to.length + cc.length + bcc.length === 0) {
    invalid('message.toRecipients', 'at least one recipient is required.', 'ErrorInvalidRecipients');
  }
  if (message.subject !== undefined && message.subject !== null && typeof message.subject !== 'string') {
    invalid('message.subject', 'must be a string.');
  }
  const itemBody = parseItemBody(message.body, 'message.body');
  const [from] = parseRecipients(
    message.from === undefined || message.from === null ? [] : [message.from],
    'message.from',
  );
  if (from && mailboxKey(from.emailAddress.address) !== mailboxKey(user.email)) {
    // Sending as another mailbox (e.g. a shared breach mailbox) needs a Send As grant the emulator does not model.
    throw new GraphValidationError(
      `The user account which was used to submit this request does not have the right to send mail on behalf of the ` +
        `specified sending account ('${from.emailAddress.address}'), property 'message.from'.`,
      'ErrorSendAsDenied',
      403,
    );
  }
  const extended = parseExtendedProperties(message.singleValueExtendedProperties, 'message.singleValueExtendedProperties');
  const save = payload.saveToSentItems;
  if (save !== undefined && typeof save !== 'boolean') invalid('saveToSentItems', 'must be a boolean.');

  const now = ctx.now().toISOString();
  const sender: Recipient = { emailAddress: { address: user.email, name: user.displayName } };
  const base = {
    subject: (message.subject as string | undefined) ?? '',
    body: itemBody,
    bodyPreview: preview(itemBody),
    from: sender,
    sender,
    toRecipients: to,
    ccRecipients: cc,
    sentDateTime: now,
    receivedDateTime: now,
    importance: typeof message.importance === 'string' ? message.importance : 'normal',
    internetMessageId: `<${randomUUID()}@emulator.local>`,
    isRead: false,
  };
  const insert = ctx.db.prepare(
    'INSERT INTO graph_mail (id, mailbox, folder, received_at, message_json) VALUES (?, ?, ?, ?, ?)',
  );
  const deliver = ctx.db.transaction(() => {
    const mailboxes = new Set([...to, ...cc, ...bcc].map((r) => mailboxKey(r.emailAddress.address)));
    for (const mailbox of mailboxes) {
      // A bcc recipient sees only themselves on the bcc line; others never see it.
      const ownBcc = bcc.filter((r) => mailboxKey(r.emailAddress.address) === mailbox);
      const id = opaqueId('AAMkAG', randomUUID());
      insert.run(id, mailbox, 'inbox', now, JSON.stringify({ id, ...base, bccRecipients: ownBcc }));
    }
    if (save !== false) {
      const id = opaqueId('AAMkAG', randomUUID());
      insert.run(
        id,
        mailboxKey(user.email),
        'sentitems',
        now,
        JSON.stringify({
          id,
          ...base,
          bccRecipients: bcc,
          isRead: true,
          ...(extended.length ? { singleValueExtendedProperties: extended } : {}),
        }),
      );
    }
  });
  deliver();
  return { status: 202 };
}

/** Graph's bodyPreview: the first 255 characters of the text, HTML tags stripped. */
function preview(body: { contentType: string; content: string }): string {
  const text = body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ') : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}
