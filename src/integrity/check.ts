/**
 * What SharePoint cannot refuse must be evident (AVG art. 5(2)). A member of the sharing party may publish a draft of
 * its own folder by hand, answer the questions falsely, copy or re-upload a file that waits for review: SharePoint
 * allows it, because the same rights share an allowed file. So every file the other party can read must be backed by
 * a record that the right person wrote, judged by what SharePoint itself wrote (the record's Author, the file's
 * folder), never by what the product or the uploader put in a column:
 *
 * - an allowed file: a Toetslog record 'toegestaan' about this file, created by a member of the file's party;
 * - a file that went to review: the uploader's record 'review' plus a 'goedgekeurd' record by a privacy officer of the
 *   file's party (art. 9.2);
 * - a file shared under the name of a file that waits for review or was refused, without that approval, is flagged
 *   too (a re-upload or copy around art. 9.2).
 *
 * Files in the Team's own document library (channel files) were shared around the check altogether. Pure.
 */
import { partyKeyForExactDomain, partyLabel } from '../domain/agreement/queries';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { PersonRef } from '../ports/documents';
import type { AuditRecord } from '../ports/registers';

/** A file someone other than its own party can read, as the check needs it. */
export interface SharedFile {
  id: number;
  name: string;
  serverRelativeUrl: string;
  /** The party whose folder holds it (only that party adds files there). */
  party: string;
  toetsId?: string;
  toetsstatus?: string;
  modified: string;
  /** SharePoint's Editor: who changed (or published) it last. */
  editor?: PersonRef;
}

/** A file in the Team's document library (a channel's Files). */
export interface ChannelFile {
  name: string;
  serverRelativeUrl: string;
  modified: string;
  author?: PersonRef;
}

/** Kinds of finding. */
export type FindingKind =
  | 'no-record'
  | 'record-missing'
  | 'record-mismatch'
  | 'not-approved'
  | 'approved-by-wrong-person'
  | 'resubmitted'
  | 'channel-file';

/** One file that is readable without the record the agreement asks for. */
export interface IntegrityFinding {
  kind: FindingKind;
  fileName: string;
  url: string;
  party: string;
  modified: string;
  toetsId?: string;
  /** What is wrong, in Dutch, citing the article (shown to privacy officers and written to the export). */
  reason: string;
}

/** Everything the check reads. */
export interface IntegrityInput {
  config: AgreementConfig;
  files: readonly SharedFile[];
  channelFiles: readonly ChannelFile[];
  /** Records by ToetsId (as far as the checker may read them: privacy officers read all). */
  records: ReadonlyMap<string, AuditRecord>;
  /** Review records by the ToetsId they decide on. */
  reviews: ReadonlyMap<string, readonly AuditRecord[]>;
  /** Records by file name, to find earlier review or refusal of the same file. */
  byName: ReadonlyMap<string, readonly AuditRecord[]>;
  /** E-mail addresses (lower case) of each party's privacy officers, by party key. */
  privacyOfficers: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Who wrote a record: SharePoint's Author (never the product's own column). */
function writer(record: AuditRecord): PersonRef | undefined {
  return record.author;
}

/** A person's name for a message. */
function nameOf(p: PersonRef | undefined): string {
  return p?.displayName || p?.email || 'onbekend';
}

/** True when a privacy officer of `party` wrote the record. */
function byPrivacyOfficer(input: IntegrityInput, record: AuditRecord, party: string): boolean {
  const email = writer(record)?.email?.toLowerCase();
  return !!email && (input.privacyOfficers.get(party)?.has(email) ?? false);
}

/** A valid approval of a record by a privacy officer of the party (art. 9.2), if any. */
function approval(input: IntegrityInput, toetsId: string, party: string): AuditRecord | undefined {
  return (input.reviews.get(toetsId) ?? []).find(
    (r) => r.decision === 'goedgekeurd' && byPrivacyOfficer(input, r, party),
  );
}

/** The findings about one shared file; empty when it is backed as the agreement asks. */
export function checkFile(input: IntegrityInput, file: SharedFile): IntegrityFinding[] {
  const { config } = input;
  const p = partyLabel(config, file.party);
  const base = { fileName: file.name, url: file.serverRelativeUrl, party: file.party, modified: file.modified };
  const finding = (kind: FindingKind, reason: string): IntegrityFinding[] => [
    { ...base, kind, reason, ...(file.toetsId ? { toetsId: file.toetsId } : {}) },
  ];
  const by = file.editor ? `; laatst gewijzigd door ${nameOf(file.editor)}` : '';
  if (!file.toetsId) {
    const status = file.toetsstatus ? ` (status '${file.toetsstatus}')` : '';
    return finding('no-record', `Gedeeld zonder toets${status}: geen toetsrecord (art. 8, 9.2; AVG art. 5 lid 2)${by}.`);
  }
  const record = input.records.get(file.toetsId);
  if (!record) {
    return finding('record-missing', `Toetsrecord '${file.toetsId}' ontbreekt in de Toetslog (AVG art. 5 lid 2)${by}.`);
  }
  const author = writer(record);
  const authorParty = partyKeyForExactDomain(author?.email, config.parties);
  if (!author || authorParty !== file.party) {
    return finding(
      'record-mismatch',
      `Toetsrecord '${record.toetsId}' is vastgelegd door ${nameOf(author)}, niet door iemand van ${p} (art. 9.2).`,
    );
  }
  if (record.user.id !== author.id) {
    return finding(
      'record-mismatch',
      `Toetsrecord '${record.toetsId}' noemt ${nameOf(record.user)}, maar is vastgelegd door ${nameOf(author)} (AVG art. 5 lid 2).`,
    );
  }
  if (record.fileName !== file.name) {
    return finding(
      'record-mismatch',
      `Toetsrecord '${record.toetsId}' gaat over '${record.fileName}', niet over dit bestand (AVG art. 5 lid 2).`,
    );
  }
  if (record.decision === 'review') {
    if (approval(input, record.toetsId, file.party)) return [];
    const other = (input.reviews.get(record.toetsId) ?? []).find((r) => r.decision === 'goedgekeurd');
    if (other) {
      return finding(
        'approved-by-wrong-person',
        `Goedgekeurd door ${nameOf(writer(other))}, geen privacy officer van ${p} (art. 9.2).`,
      );
    }
    return finding('not-approved', `Gedeeld zonder goedkeuring van de privacy officer van ${p} (art. 9.2)${by}.`);
  }
  if (record.decision !== 'toegestaan') {
    return finding(
      'not-approved',
      `Het toetsrecord zegt '${record.decision}', het bestand is toch gedeeld (art. 9.2)${by}.`,
    );
  }
  // An allowed record: was this file (by name or content) handed in for review, or refused, before, and never approved?
  // Same name with other bytes is a corrected file, not a copy; without both hashes it cannot be told apart, and what
  // could not be checked is not passed.
  const sameFile = (r: AuditRecord): boolean =>
    !r.contentHash || !record.contentHash || r.contentHash === record.contentHash;
  const earlier = [...(input.byName.get(file.name) ?? []).filter(sameFile), ...sameContent(input, record)].find(
    (r) =>
      r.toetsId !== record.toetsId &&
      (r.decision === 'review' || r.decision === 'geweigerd') &&
      partyKeyForExactDomain(writer(r)?.email, config.parties) === file.party &&
      !approval(input, r.toetsId, file.party),
  );
  if (earlier) {
    const what = earlier.decision === 'review' ? 'ter beoordeling aangeboden' : 'geweigerd';
    return finding(
      'resubmitted',
      `Eerder ${what} (toets '${earlier.toetsId}'), nu zonder goedkeuring van de privacy officer gedeeld (art. 9.2).`,
    );
  }
  return [];
}

/** Records about the same bytes (SHA-256), among those read. */
function sameContent(input: IntegrityInput, record: AuditRecord): AuditRecord[] {
  if (!record.contentHash) return [];
  const out: AuditRecord[] = [];
  for (const list of input.byName.values()) for (const r of list) if (r.contentHash === record.contentHash) out.push(r);
  return out;
}

/** A file in a Teams channel's Files: shared with every Team member, around the check. */
function checkChannelFile(file: ChannelFile): IntegrityFinding {
  return {
    kind: 'channel-file',
    fileName: file.name,
    url: file.serverRelativeUrl,
    party: '',
    modified: file.modified,
    reason: `In een Teams-kanaal gedeeld door ${nameOf(file.author)}: elk lid van het Team leest het, zonder toets (art. 8, 9.2).`,
  };
}

/** Every finding, shared files first (newest first), then channel files. */
export function checkIntegrity(input: IntegrityInput): IntegrityFinding[] {
  const files = [...input.files].sort((a, b) => b.modified.localeCompare(a.modified));
  return [...files.flatMap((f) => checkFile(input, f)), ...input.channelFiles.map(checkChannelFile)];
}

/**
 * Findings about records themselves, for the export's "Controle" column: a record that names another person than the
 * one SharePoint says created it, and a review by someone who is not a privacy officer of the file's party.
 */
export function recordChecks(
  config: AgreementConfig,
  records: readonly AuditRecord[],
  privacyOfficers: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) {
    const author = writer(r);
    if (author && author.id !== r.user.id) {
      out.set(r.toetsId, `vastgelegd door ${nameOf(author)}, noemt ${nameOf(r.user)}`);
      continue;
    }
    if ((r.decision === 'goedgekeurd' || r.decision === 'afgewezen') && r.party) {
      const email = author?.email?.toLowerCase();
      if (!email || !privacyOfficers.get(r.party)?.has(email)) {
        out.set(r.toetsId, `beoordeling door ${nameOf(author)}, geen privacy officer van ${partyLabel(config, r.party)} (art. 9.2)`);
      }
    }
  }
  return out;
}
