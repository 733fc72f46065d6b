/** An e-mail address with an optional display name. */
export interface MailAddress {
  address: string;
  name?: string;
}

/**
 * One block of a mail body. All text is plain text: adapters escape it, so nothing a user typed is ever rendered as
 * markup in the recipient's mail client.
 */
export type MailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label/value rows, e.g. the fields of the annex 2b datalek form. */
  | { kind: 'fields'; rows: { label: string; value: string }[] };

/** A mail to send as the signed-in user. */
export interface OutgoingMail {
  to: MailAddress[];
  cc?: MailAddress[];
  subject: string;
  blocks: MailBlock[];
  /** Keep a copy in the sender's Sent Items (default true: the reporter can show the mail went out, art. 9.6). */
  saveToSentItems?: boolean;
}

/** Sends mail as the signed-in user. */
export interface MailSender {
  /** Sends the mail; resolves once the mail service accepted it, rejects with an Error naming the failure. */
  send(mail: OutgoingMail): Promise<void>;
}
