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
  /**
   * A key the mail service stores with the sender's copy (Graph: a single-value extended property), so
   * {@link MailSender.findSent} can tell later whether this mail went out. The same key on every attempt of one
   * notification; it never appears in what the recipients read.
   */
  trackingKey?: string;
}

/** Where the sender's copy of a tracked mail is, as far as the mailbox says. */
export type SentMailLookup =
  /** In Sent Items: the mail service took it and sent it. */
  | { state: 'sent'; id: string; sentAt?: string }
  /** Still in Drafts: accepted (the send call created it) but not yet handed to transport; do not send again. */
  | { state: 'queued'; id: string }
  /** In neither folder: nothing with this key was accepted. */
  | { state: 'absent' };

/**
 * The service could not say whether a mail or card arrived: it refused the read (a permission not granted, a channel
 * the user may not read) or failed. `permission` names the missing permission when that is why.
 */
export class LookupUnavailableError extends Error {
  /** Marks the error for the outbox (survives bundling and structured clones, unlike `instanceof`). */
  public readonly lookupUnavailable = true;
  /** Builds the error; `status` is the HTTP status (0 without an answer). */
  constructor(
    message: string,
    readonly status: number,
    readonly permission?: string,
  ) {
    super(message);
    this.name = 'LookupUnavailableError';
  }
}

/** Sends mail as the signed-in user. */
export interface MailSender {
  /** Sends the mail; resolves once the mail service accepted it, rejects with an Error naming the failure. */
  send(mail: OutgoingMail): Promise<void>;
  /**
   * Looks for the signed-in user's copy of a mail sent with `trackingKey` (Sent Items, then Drafts). Rejects with
   * {@link LookupUnavailableError} when the mailbox cannot be read. Optional: a sender without it cannot tell.
   */
  findSent?(trackingKey: string): Promise<SentMailLookup>;
}
