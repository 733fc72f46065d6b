import type { MailAddress, MailSender, OutgoingMail } from '../../ports/mail';
import { callGraph, type GraphCallOptions, type GraphClientLike } from './client';
import { renderMailBlocks } from './html';

/** {@link MailSender} over Graph `POST /me/sendMail` (delegated Mail.Send); the body is escaped HTML. */
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
    };
    await callGraph(
      this.client,
      'POST',
      '/me/sendMail',
      { message, saveToSentItems: mail.saveToSentItems ?? true },
      this.options,
    );
  }
}

function recipient(a: MailAddress): { emailAddress: { address: string; name?: string } } {
  return { emailAddress: a.name ? { address: a.address, name: a.name } : { address: a.address } };
}
