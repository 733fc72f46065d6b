import type { MailAddress, MailSender, OutgoingMail, SentMailLookup } from '../../ports/mail';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { renderMailBlocks } from './html';
import { lookupUnavailable, odataString } from './lookup';

/**
 * The product's own MAPI named property (type String, a namespace GUID of this product, the name), carrying a mail's
 * tracking key. Graph: "Outlook extended properties overview", id format "{type} {guid} Name {name}"
 * (https://learn.microsoft.com/en-us/graph/api/resources/extended-properties-overview). Never change it: mails sent
 * earlier are found by it.
 */
export const TRACKING_PROPERTY_ID = 'String {7d4f6c2a-93e1-4b58-a0c6-2f8e5d1b9a37} Name SamenwerkingsruimteNotificationKey';

/** Permission Graph needs to filter messages on an extended property (Mail.ReadBasic excludes extended properties). */
export const MAIL_LOOKUP_PERMISSION = 'Mail.Read';

/** Folders looked in, in order: where a sent mail ends up, and where it waits until transport took it. */
const LOOKUP_FOLDERS = [
  { folder: 'sentitems', state: 'sent' },
  { folder: 'drafts', state: 'queued' },
] as const;

interface GraphMessage {
  id?: string;
  sentDateTime?: string | null;
}

/**
 * {@link MailSender} over Graph `POST /me/sendMail` (delegated Mail.Send); the body is escaped HTML. A tracked mail
 * carries its key as a single-value extended property, and {@link findSent} filters the sender's Sent Items and Drafts
 * on it (delegated Mail.Read).
 */
export class GraphMailSender implements MailSender {
  /** Uses the signed-in user's mailbox through `client`. */
  constructor(
    private readonly client: GraphClientLike,
    private readonly options: GraphCallOptions = {},
  ) {}

  /** Sends the mail; Graph answers 202 with no body once Exchange accepted it. */
  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length + (mail.cc?.length ?? 0) === 0) throw new Error('mail.to: at least one recipient is required.');
    const message = {
      subject: mail.subject,
      body: { contentType: 'HTML', content: renderMailBlocks(mail.blocks) },
      toRecipients: mail.to.map(recipient),
      ccRecipients: (mail.cc ?? []).map(recipient),
      // "To create one or more extended properties in a new resource instance, use the same REST request as creating
      // the instance" (Create single-value extended property); sendMail creates the message.
      ...(mail.trackingKey
        ? { singleValueExtendedProperties: [{ id: TRACKING_PROPERTY_ID, value: mail.trackingKey }] }
        : {}),
    };
    await callGraph(
      this.client,
      'POST',
      '/me/sendMail',
      { message, saveToSentItems: mail.saveToSentItems ?? true },
      this.options,
    );
  }

  /**
   * `GET /me/mailFolders/{sentitems|drafts}/messages?$filter=singleValueExtendedProperties/any(…)`: Graph's documented
   * filter on a string extended property (eq on id and value). sendMail first saves the message in Drafts and answers
   * 202; transport then moves it to Sent Items ("Send mail by using the Microsoft Graph API"), so a mail found in
   * Drafts was accepted but is not sent yet.
   */
  async findSent(trackingKey: string): Promise<SentMailLookup> {
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/any(ep: ep/id eq '${odataString(TRACKING_PROPERTY_ID)}' and ep/value eq '${odataString(trackingKey)}')`,
    );
    for (const { folder, state } of LOOKUP_FOLDERS) {
      const path = `/me/mailFolders/${folder}/messages?$filter=${filter}&$select=id,sentDateTime&$top=1`;
      let res: { value?: GraphMessage[] };
      try {
        res = (await callGraph(this.client, 'GET', path, undefined, this.options)) as { value?: GraphMessage[] };
      } catch (e) {
        throw lookupUnavailable(e, MAIL_LOOKUP_PERMISSION);
      }
      if (!res || !Array.isArray(res.value))
        throw lookupUnavailable(new Error(`Graph GET /me/mailFolders/${folder}/messages answered without a value list.`), MAIL_LOOKUP_PERMISSION);
      const found = res.value.find((m) => typeof m.id === 'string');
      if (found?.id) {
        return state === 'sent'
          ? { state, id: found.id, ...(found.sentDateTime ? { sentAt: found.sentDateTime } : {}) }
          : { state, id: found.id };
      }
    }
    return { state: 'absent' };
  }
}

function recipient(a: MailAddress): { emailAddress: { address: string; name?: string } } {
  return { emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address } };
}
