/**
 * What SharePoint cannot refuse must be evident (AVG art. 5(2)). A member of the sharing party may publish a draft of
 * its own folder by hand, answer the questions falsely, copy or re-upload a file that waits for review, swap the bytes
 * of a shared file, make a folder or a list of its own: SharePoint allows it, because the same rights share an allowed
 * file (and a Team member holds Edit on the web). So everything the other party can read must be backed by a record
 * that the right person wrote, judged by what SharePoint itself wrote (the record's Author, the file's folder, the
 * bytes), never by what the product or the uploader put in a column:
 *
 * - an allowed file: a Toetslog record 'toegestaan' about this file, created by a member of the file's party, whose
 *   SHA-256 is the SHA-256 of the bytes the other party reads (the last published major version);
 * - a file that went to review: the uploader's record 'review' plus a 'goedgekeurd' record from the review list of
 *   the file's party, where only that party's privacy officers can add (art. 9.2). An approval found only in the
 *   Toetslog (from before those lists) proves nothing, since Author can be written there: it is shown, not accepted;
 * - a file shared under the name or with the bytes of a file that waits for review or was refused, without that
 *   approval, is flagged too (a re-upload or copy around art. 9.2);
 * - a restricted classification only in its party's restricted folder (art. 10.1);
 * - only the schema's folders: a party's file in a subfolder, a folder the schema does not know (its name is itself
 *   read by the other party), a list or library outside the schema holding items, a file in Site Assets other than the
 *   product's configuration file, and a file in a Teams channel are each a finding;
 * - every ToetsId once in the Toetslog: a second record under the same ToetsId makes the first one's meaning unknown.
 *
 * Every finding names the article or rule it breaks, in Dutch and in English. Pure: no SharePoint here.
 */
import { partyLabel } from '../domain/agreement/queries';
import { effectiveRecipients, recipientNames, sameRecipients } from '../domain/agreement/recipients';
import type { AgreementConfig } from '../domain/agreement/schema';
import type { PersonRef } from '../ports/documents';
import type { ToetslogEntry } from '../ports/inventory';
import type { AuditRecord } from '../ports/registers';

/** A file someone other than its own party can read, as the check needs it. */
export interface SharedFile {
  id: number;
  name: string;
  serverRelativeUrl: string;
  /** The party whose folder holds it: the first folder below the library root (only that party adds files there). */
  party: string;
  toetsId?: string;
  toetsstatus?: string;
  modified: string;
  /** SharePoint's Editor: who changed (or published) it last. */
  editor?: PersonRef;
  /** Which of the party's folders holds it: its shared folder, or its restricted folder (art. 10.1). */
  folderKind?: 'shared' | 'restricted';
  /**
   * The parties whose groups read that folder (every other party for `Gedeeld-<party>`, the chosen set for a
   * recipient folder): compared with the recipients its record was decided for (art. 8, 9.5). Absent: not judged.
   */
  folderRecipients?: string[];
  /** The Classificatie column as stored (a level key of the configuration). */
  classification?: string;
  /**
   * SHA-256 (hex) of the bytes the other party reads (the last published major version), when they were read in this
   * run; absent when they were not (the byte budget was spent): then the bytes are not judged, and counted as not
   * checked, never as fine.
   */
  publishedHash?: string;
}

/** A file of the exchange library outside the place the schema gives it. */
export interface MisplacedFile {
  name: string;
  serverRelativeUrl: string;
  modified: string;
  editor?: PersonRef;
  /** The party of the folder that holds it, '' when it is in no party's folder (the library root, a foreign folder). */
  party: string;
  /** The folder path below the library root ('' for the root itself). */
  folder: string;
  /** True when a major version exists (readers of the folder read it). */
  published: boolean;
}

/** A folder of the exchange library that is not one of the schema's folders. */
export interface OutsideFolder {
  name: string;
  serverRelativeUrl: string;
  /** Its path below the library root, e.g. 'Gedeeld-igj/sub'. */
  path: string;
  /** The party of the party folder it sits in, '' when none. */
  party: string;
  created?: string;
}

/** A list or library of the web outside the schema that holds items. */
export interface ForeignContainer {
  title: string;
  /** Server-relative URL of its root folder. */
  url: string;
  library: boolean;
  itemCount: number;
  /** The newest item: when and by whom it was last changed. */
  newest?: { modified: string; editor?: PersonRef };
  /** True when it stops inheriting from the web (only an owner can do that; who reads it is then theirs to say). */
  uniquePermissions?: boolean;
}

/** A file in the Team's document library (a channel's Files) or in Site Assets. */
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
  | 'unproven-approval'
  | 'resubmitted'
  | 'no-hash'
  | 'content-mismatch'
  | 'recipients-mismatch'
  | 'restricted-outside'
  | 'file-in-subfolder'
  | 'file-outside-schema'
  | 'folder-outside-schema'
  | 'foreign-container'
  | 'site-assets-file'
  | 'duplicate-toetsid'
  | 'channel-file';

/** Every kind, in the order the banner and the export count them. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'no-record',
  'record-missing',
  'record-mismatch',
  'not-approved',
  'approved-by-wrong-person',
  'unproven-approval',
  'resubmitted',
  'no-hash',
  'content-mismatch',
  'recipients-mismatch',
  'restricted-outside',
  'file-in-subfolder',
  'file-outside-schema',
  'folder-outside-schema',
  'foreign-container',
  'site-assets-file',
  'duplicate-toetsid',
  'channel-file',
];

/** One thing the other party can read without the backing the agreement asks for. */
export interface IntegrityFinding {
  kind: FindingKind;
  /** The file's name; for a folder its name, for a list its title, for a duplicate ToetsId the record's file. */
  fileName: string;
  /** Server-relative URL of the file, folder or list; '' for a Toetslog record. */
  url: string;
  party: string;
  modified: string;
  toetsId?: string;
  /** What is wrong, in Dutch, citing the article (shown to privacy officers and written to the export). */
  reason: string;
  /** The same in English. */
  reasonEn: string;
  /** The article or rule it breaks, e.g. 'art. 10.1' or 'AVG art. 5 lid 2'. */
  rule: string;
}

/** Everything the check reads. The parts beyond the shared files are optional: absent means none were found. */
export interface IntegrityInput {
  config: AgreementConfig;
  files: readonly SharedFile[];
  channelFiles: readonly ChannelFile[];
  /** Records by ToetsId (as far as the checker may read them: privacy officers read all). */
  records: ReadonlyMap<string, AuditRecord>;
  /** Review records by the ToetsId they decide on, with `proof` as the AuditLog tells it. */
  reviews: ReadonlyMap<string, readonly AuditRecord[]>;
  /** Records by file name, to find earlier review or refusal of the same file. */
  byName: ReadonlyMap<string, readonly AuditRecord[]>;
  /** Records by SHA-256, to find earlier review or refusal of the same bytes under another name. */
  byHash?: ReadonlyMap<string, readonly AuditRecord[]>;
  /**
   * Site user ids of each party's privacy officers, by party key. People are compared by id, never by e-mail or name:
   * a user may change the e-mail and name of their own site user entry (docs/emulator.md, "Site users").
   */
  privacyOfficers: ReadonlyMap<string, ReadonlySet<number>>;
  /** Site user ids of the members of each party's own groups, by party key: who belongs to which party. */
  partyMembers: ReadonlyMap<string, ReadonlySet<number>>;
  /** Files of the exchange library in a subfolder, at the root or in a foreign folder. */
  misplaced?: readonly MisplacedFile[];
  /** Folders of the exchange library the schema does not know. */
  outsideFolders?: readonly OutsideFolder[];
  /** Lists and libraries outside the schema that hold items. */
  containers?: readonly ForeignContainer[];
  /** Files in Site Assets other than the product's configuration file. */
  siteAssetsFiles?: readonly ChannelFile[];
  /** ToetsIds held by more than one Toetslog record, with those records. */
  duplicates?: ReadonlyMap<string, readonly ToetslogEntry[]>;
}

/** Who wrote a record: SharePoint's Author (never the product's own column). */
function writer(record: AuditRecord): PersonRef | undefined {
  return record.author;
}

/** A person's name for a message. */
function nameOf(p: PersonRef | undefined): string {
  return p?.displayName || p?.email || 'onbekend';
}

/** The same in English. */
function nameEn(p: PersonRef | undefined): string {
  return p?.displayName || p?.email || 'unknown';
}

/** True when a privacy officer of `party` is the record's Author. */
function byPrivacyOfficer(input: IntegrityInput, record: AuditRecord, party: string): boolean {
  const author = writer(record);
  return !!author && (input.privacyOfficers.get(party)?.has(author.id) ?? false);
}

/** The party whose groups a person is in (by site user id), or undefined. */
function partyOf(input: Pick<IntegrityInput, 'partyMembers'>, person: PersonRef | undefined): string | undefined {
  if (!person) return undefined;
  for (const [party, ids] of input.partyMembers) if (ids.has(person.id)) return party;
  return undefined;
}

/** The approvals of a record, by what proves them (art. 9.2). */
interface Approvals {
  /** From the review list of the file's party: SharePoint's permissions prove a privacy officer of it wrote it. */
  proven?: AuditRecord;
  /** From the Toetslog, with a privacy officer of the party as Author: nothing proves it (Author can be written). */
  unproven?: AuditRecord;
  /** By anyone else, or from another party's review list. */
  other?: AuditRecord;
}

/** The approvals ('goedgekeurd') of the record `toetsId` of a file of `party`. */
function approvalsOf(input: IntegrityInput, toetsId: string, party: string): Approvals {
  const approvals = (input.reviews.get(toetsId) ?? []).filter((r) => r.decision === 'goedgekeurd');
  const proven = approvals.find((r) => r.proof === 'container' && (r.party === null || r.party === party));
  const unproven = approvals.find((r) => r.proof !== 'container' && byPrivacyOfficer(input, r, party));
  const other = approvals.find((r) => r !== proven && r !== unproven);
  return { ...(proven ? { proven } : {}), ...(unproven ? { unproven } : {}), ...(other ? { other } : {}) };
}

/** True when the configuration marks the level restricted (art. 10.1: the autorisatielijst only). */
function restrictedLevel(config: AgreementConfig, key: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  const level = config.classification.levels.find((l) => l.key === key);
  return level?.restricted ? level.label : undefined;
}

/** Makes one finding about a subject from its kind, rule and reasons. */
type FindingMaker = (kind: FindingKind, rule: string, reason: string, reasonEn: string) => IntegrityFinding;

/** Builds findings about one subject. */
function findingsAbout(base: Omit<IntegrityFinding, 'kind' | 'reason' | 'reasonEn' | 'rule'>): FindingMaker {
  return (kind: FindingKind, rule: string, reason: string, reasonEn: string): IntegrityFinding => ({
    ...base,
    kind,
    reason,
    reasonEn,
    rule,
  });
}

/** The findings about one shared file; empty when it is backed as the agreement asks. */
export function checkFile(input: IntegrityInput, file: SharedFile): IntegrityFinding[] {
  const { config } = input;
  const p = partyLabel(config, file.party);
  const make = findingsAbout({
    fileName: file.name,
    url: file.serverRelativeUrl,
    party: file.party,
    modified: file.modified,
    ...(file.toetsId ? { toetsId: file.toetsId } : {}),
  });
  const out: IntegrityFinding[] = [];
  const by = file.editor ? `; laatst gewijzigd door ${nameOf(file.editor)}` : '';
  const byEn = file.editor ? `; last changed by ${nameEn(file.editor)}` : '';
  const record = file.toetsId ? input.records.get(file.toetsId) : undefined;
  // art. 10.1: a restricted level (by the column, or by what the record says was decided) outside the restricted
  // folder.
  const restricted =
    file.folderKind === 'shared'
      ? (restrictedLevel(config, file.classification) ?? restrictedLevel(config, record?.answers.classification))
      : undefined;
  if (restricted) {
    out.push(
      make(
        'restricted-outside',
        'art. 10.1',
        `Geclassificeerd als '${restricted}', maar staat buiten de map Vertrouwelijk van ${p}: leesbaar voor wie niet op de autorisatielijst staat (art. 10.1)${by}.`,
        `Classified '${restricted}' but outside ${p}'s restricted folder: readable by people not on the authorisation list (art. 10.1)${byEn}.`,
      ),
    );
  }
  if (!file.toetsId) {
    const status = file.toetsstatus ? ` (status '${file.toetsstatus}')` : '';
    out.push(
      make(
        'no-record',
        'art. 8, 9.2; AVG art. 5 lid 2',
        `Gedeeld zonder toets${status}: geen toetsrecord (art. 8, 9.2; AVG art. 5 lid 2)${by}.`,
        `Shared without a check${status}: no Toetslog record (art. 8, 9.2; GDPR art. 5(2))${byEn}.`,
      ),
    );
    return out;
  }
  const twins = input.duplicates?.get(file.toetsId);
  if (twins && twins.length > 1) {
    out.push(
      make(
        'duplicate-toetsid',
        'AVG art. 5 lid 2',
        `Toetsrecord '${file.toetsId}' staat ${twins.length} keer in de Toetslog (${twins.map((t) => nameOf(t.author)).join(', ')}): welk besluit dit bestand dekt, is niet vast te stellen (AVG art. 5 lid 2).`,
        `Toetslog record '${file.toetsId}' is there ${twins.length} times (${twins.map((t) => nameEn(t.author)).join(', ')}): which decision covers this file cannot be told (GDPR art. 5(2)).`,
      ),
    );
    return out;
  }
  if (!record) {
    out.push(
      make(
        'record-missing',
        'AVG art. 5 lid 2',
        `Toetsrecord '${file.toetsId}' ontbreekt in de Toetslog (AVG art. 5 lid 2)${by}.`,
        `Toetslog record '${file.toetsId}' does not exist (GDPR art. 5(2))${byEn}.`,
      ),
    );
    return out;
  }
  const author = writer(record);
  const authorParty = partyOf(input, author);
  if (!author || authorParty !== file.party) {
    out.push(
      make(
        'record-mismatch',
        'art. 9.2',
        `Toetsrecord '${record.toetsId}' is vastgelegd door ${nameOf(author)}, niet door iemand van ${p} (art. 9.2).`,
        `Toetslog record '${record.toetsId}' was created by ${nameEn(author)}, not by someone of ${p} (art. 9.2).`,
      ),
    );
    return out;
  }
  if (record.user.id !== author.id) {
    out.push(
      make(
        'record-mismatch',
        'AVG art. 5 lid 2',
        `Toetsrecord '${record.toetsId}' noemt ${nameOf(record.user)}, maar is vastgelegd door ${nameOf(author)} (AVG art. 5 lid 2).`,
        `Toetslog record '${record.toetsId}' names ${nameEn(record.user)} but was created by ${nameEn(author)} (GDPR art. 5(2)).`,
      ),
    );
    return out;
  }
  if (record.fileName !== file.name) {
    out.push(
      make(
        'record-mismatch',
        'AVG art. 5 lid 2',
        `Toetsrecord '${record.toetsId}' gaat over '${record.fileName}', niet over dit bestand (AVG art. 5 lid 2).`,
        `Toetslog record '${record.toetsId}' is about '${record.fileName}', not about this file (GDPR art. 5(2)).`,
      ),
    );
    return out;
  }
  // The bytes the other party reads must be the bytes the decision was about.
  if (!record.contentHash) {
    out.push(
      make(
        'no-hash',
        'art. 8; AVG art. 5 lid 2',
        `Toetsrecord '${record.toetsId}' legt niet vast over welke inhoud besloten is (geen SHA-256): dat wat de andere partij leest getoetst is, blijkt nergens uit (art. 8; AVG art. 5 lid 2).`,
        `Toetslog record '${record.toetsId}' does not say which content was decided on (no SHA-256): nothing shows that what the other party reads was checked (art. 8; GDPR art. 5(2)).`,
      ),
    );
  } else if (file.publishedHash !== undefined && file.publishedHash !== record.contentHash) {
    out.push(
      make(
        'content-mismatch',
        'art. 8, 9.2; AVG art. 5 lid 2',
        `De inhoud die de andere partij leest, is niet de inhoud waarover toetsrecord '${record.toetsId}' besliste (SHA-256 wijkt af): na de toets vervangen (art. 8, 9.2; AVG art. 5 lid 2)${by}.`,
        `The content the other party reads is not the content Toetslog record '${record.toetsId}' decided on (SHA-256 differs): replaced after the check (art. 8, 9.2; GDPR art. 5(2))${byEn}.`,
      ),
    );
  }
  // art. 8, 9.5: the folder's readers are the recipients the check judged, no more and no fewer. SharePoint lets the
  // party move its own file between its own folders (e.g. to `Gedeeld-<party>`, so every party reads it): evident here.
  if (file.folderRecipients) {
    const decided = effectiveRecipients(config, file.party, record.recipients);
    if (!sameRecipients(decided, file.folderRecipients)) {
      const wider = file.folderRecipients.filter((k) => !decided.includes(k));
      const extra = wider.length > 0 ? `; ook ${recipientNames(config, wider)} leest het` : '';
      const extraEn = wider.length > 0 ? `; ${recipientNames(config, wider, 'en')} read it too` : '';
      out.push(
        make(
          'recipients-mismatch',
          'art. 8, 9.5',
          `Toetsrecord '${record.toetsId}' deelt met ${recipientNames(config, decided)}, maar de map wordt gelezen door ${recipientNames(config, file.folderRecipients)}${extra}: verplaatst na de toets (art. 8, 9.5)${by}.`,
          `Toetslog record '${record.toetsId}' shares with ${recipientNames(config, decided, 'en')}, but the folder is read by ${recipientNames(config, file.folderRecipients, 'en')}${extraEn}: moved after the check (art. 8, 9.5)${byEn}.`,
        ),
      );
    }
  }
  if (record.decision === 'review') {
    const approvals = approvalsOf(input, record.toetsId, file.party);
    if (approvals.proven) return out;
    if (approvals.unproven) {
      out.push(
        make(
          'unproven-approval',
          'art. 9.2; AVG art. 5 lid 2',
          `Alleen goedgekeurd in de Toetslog door ${nameOf(writer(approvals.unproven))}, niet in de beoordelingslijst van ${p}: wie daar goedkeurde, is niet bewezen (Auteur is te schrijven). Ga na of de privacy officer dit besluit nam (art. 9.2; AVG art. 5 lid 2).`,
          `Approved only in the Toetslog by ${nameEn(writer(approvals.unproven))}, not in ${p}'s review list: who approved there is not proven (Author can be written). Confirm the privacy officer took this decision (art. 9.2; GDPR art. 5(2)).`,
        ),
      );
      return out;
    }
    if (approvals.other) {
      out.push(
        make(
          'approved-by-wrong-person',
          'art. 9.2',
          `Goedgekeurd door ${nameOf(writer(approvals.other))}, geen privacy officer van ${p} (art. 9.2).`,
          `Approved by ${nameEn(writer(approvals.other))}, not a privacy officer of ${p} (art. 9.2).`,
        ),
      );
      return out;
    }
    out.push(
      make(
        'not-approved',
        'art. 9.2',
        `Gedeeld zonder goedkeuring van de privacy officer van ${p} (art. 9.2)${by}.`,
        `Shared without approval by ${p}'s privacy officer (art. 9.2)${byEn}.`,
      ),
    );
    return out;
  }
  if (record.decision !== 'toegestaan') {
    out.push(
      make(
        'not-approved',
        'art. 9.2',
        `Het toetsrecord zegt '${record.decision}', het bestand is toch gedeeld (art. 9.2)${by}.`,
        `The Toetslog record says '${record.decision}', yet the file is shared (art. 9.2)${byEn}.`,
      ),
    );
    return out;
  }
  // An allowed record: was this file (by name or content) handed in for review, or refused, before, and never approved?
  // Same name with other bytes is a corrected file, not a copy; without both hashes it cannot be told apart, and what
  // could not be checked is not passed.
  const sameFile = (r: AuditRecord): boolean =>
    !r.contentHash || !record.contentHash || r.contentHash === record.contentHash;
  const earlierOnes = [...(input.byName.get(file.name) ?? []).filter(sameFile), ...sameContent(input, record)].filter(
    (r) =>
      r.toetsId !== record.toetsId &&
      (r.decision === 'review' || r.decision === 'geweigerd') &&
      partyOf(input, writer(r)) === file.party &&
      !approvalsOf(input, r.toetsId, file.party).proven,
  );
  const earlier = earlierOnes[0];
  if (earlier) {
    const what = earlier.decision === 'review' ? 'ter beoordeling aangeboden' : 'geweigerd';
    const whatEn = earlier.decision === 'review' ? 'handed in for review' : 'refused';
    const named = earlier.fileName !== file.name ? ` als '${earlier.fileName}'` : '';
    const namedEn = earlier.fileName !== file.name ? ` as '${earlier.fileName}'` : '';
    const unproven = approvalsOf(input, earlier.toetsId, file.party).unproven;
    if (unproven) {
      out.push(
        make(
          'unproven-approval',
          'art. 9.2; AVG art. 5 lid 2',
          `Eerder${named} ${what} (toets '${earlier.toetsId}') en alleen in de Toetslog goedgekeurd door ${nameOf(writer(unproven))}: niet bewezen (art. 9.2; AVG art. 5 lid 2).`,
          `Earlier${namedEn} ${whatEn} (check '${earlier.toetsId}') and approved only in the Toetslog by ${nameEn(writer(unproven))}: not proven (art. 9.2; GDPR art. 5(2)).`,
        ),
      );
      return out;
    }
    out.push(
      make(
        'resubmitted',
        'art. 9.2',
        `Eerder${named} ${what} (toets '${earlier.toetsId}'), nu zonder goedkeuring van de privacy officer gedeeld (art. 9.2).`,
        `Earlier${namedEn} ${whatEn} (check '${earlier.toetsId}'), now shared without the privacy officer's approval (art. 9.2).`,
      ),
    );
  }
  return out;
}

/** Records about the same bytes (SHA-256), among those read. */
function sameContent(input: IntegrityInput, record: AuditRecord): AuditRecord[] {
  if (!record.contentHash) return [];
  const out = [...(input.byHash?.get(record.contentHash) ?? [])];
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
    rule: 'art. 8, 9.2',
    reason: `In een Teams-kanaal gedeeld door ${nameOf(file.author)}: elk lid van het Team leest het, zonder toets (art. 8, 9.2).`,
    reasonEn: `Shared in a Teams channel by ${nameEn(file.author)}: every Team member reads it, unchecked (art. 8, 9.2).`,
  };
}

/** A file in a subfolder of a party folder, at the library root, or in a folder outside the schema. */
function checkMisplaced(config: AgreementConfig, file: MisplacedFile): IntegrityFinding {
  const by = file.editor ? `; laatst gewijzigd door ${nameOf(file.editor)}` : '';
  const byEn = file.editor ? `; last changed by ${nameEn(file.editor)}` : '';
  const base = { fileName: file.name, url: file.serverRelativeUrl, party: file.party, modified: file.modified };
  const draft = file.published ? '' : ' (nog een concept)';
  const draftEn = file.published ? '' : ' (still a draft)';
  if (file.party) {
    const p = partyLabel(config, file.party);
    return {
      ...base,
      kind: 'file-in-subfolder',
      rule: 'art. 9.5; alleen de mappen van het schema',
      reason: `Staat in de submap '${file.folder}'${draft}: alleen de mappen van ${p} zelf horen bij de inrichting; de toets en de rechten gaan uit van die mappen (art. 9.5)${by}.`,
      reasonEn: `In the subfolder '${file.folder}'${draftEn}: only ${p}'s own folders belong to the space; the check and the permissions rely on them (art. 9.5)${byEn}.`,
    };
  }
  const where = file.folder ? `de map '${file.folder}' buiten het schema` : 'de hoofdmap van de bibliotheek';
  const whereEn = file.folder ? `the folder '${file.folder}' outside the schema` : 'the root of the library';
  return {
    ...base,
    kind: 'file-outside-schema',
    rule: 'art. 8, 9.5; alleen de mappen van het schema',
    reason: `Staat in ${where}${draft}: in geen map van een partij, dus zonder toets en leesbaar voor iedereen die de bibliotheek leest (art. 8, 9.5)${by}.`,
    reasonEn: `In ${whereEn}${draftEn}: in no party's folder, so unchecked and readable by everyone who reads the library (art. 8, 9.5)${byEn}.`,
  };
}

/** A folder of the exchange library the schema does not know: its name is read without any check. */
function checkFolder(config: AgreementConfig, folder: OutsideFolder): IntegrityFinding {
  const inParty = folder.party ? ` in de map van ${partyLabel(config, folder.party)}` : '';
  const inPartyEn = folder.party ? ` in ${partyLabel(config, folder.party)}'s folder` : '';
  return {
    kind: 'folder-outside-schema',
    fileName: folder.name,
    url: folder.serverRelativeUrl,
    party: folder.party,
    modified: folder.created ?? '',
    rule: 'art. 8, 9.5; alleen de mappen van het schema',
    reason: `Map '${folder.path}'${inParty} hoort niet bij de inrichting: de mapnaam is zelf inhoud die de andere partij meteen leest (een map is nooit een concept), zonder toets (art. 8, 9.5).`,
    reasonEn: `Folder '${folder.path}'${inPartyEn} is not part of the space: its name is itself content the other party reads at once (a folder is never a draft), unchecked (art. 8, 9.5).`,
  };
}

/** A list or library outside the schema holding items: readable around the check. */
function checkContainer(container: ForeignContainer): IntegrityFinding {
  const what = container.library ? 'Bibliotheek' : 'Lijst';
  const whatEn = container.library ? 'Library' : 'List';
  const newest = container.newest
    ? `; laatst gewijzigd door ${nameOf(container.newest.editor)} op ${container.newest.modified.slice(0, 10)}`
    : '';
  const newestEn = container.newest
    ? `; last changed by ${nameEn(container.newest.editor)} on ${container.newest.modified.slice(0, 10)}`
    : '';
  const who = container.uniquePermissions
    ? 'met eigen rechten die de controle niet kan lezen'
    : 'erft de rechten van de site: elk lid van het Team en beide partijen lezen het';
  const whoEn = container.uniquePermissions
    ? 'with permissions of its own the check cannot read'
    : 'inherits the site\'s permissions: every Team member and both parties read it';
  return {
    kind: 'foreign-container',
    fileName: container.title,
    url: container.url,
    party: '',
    modified: container.newest?.modified ?? '',
    rule: 'art. 8, 9.5; alleen de lijsten en bibliotheken van het schema',
    reason: `${what} '${container.title}' hoort niet bij de inrichting en bevat ${container.itemCount} item(s), ${who}; niets daarvan is getoetst (art. 8, 9.5)${newest}.`,
    reasonEn: `${whatEn} '${container.title}' is not part of the space and holds ${container.itemCount} item(s); it ${whoEn}; none of it was checked (art. 8, 9.5)${newestEn}.`,
  };
}

/** A file in Site Assets other than the product's configuration file. */
function checkSiteAsset(file: ChannelFile): IntegrityFinding {
  return {
    kind: 'site-assets-file',
    fileName: file.name,
    url: file.serverRelativeUrl,
    party: '',
    modified: file.modified,
    rule: 'art. 8, 9.5; alleen de mappen van het schema',
    reason: `In Site Assets gezet door ${nameOf(file.author)}; het is niet het configuratiebestand: elk lid van het Team en beide partijen lezen het, zonder toets (art. 8, 9.5).`,
    reasonEn: `Put in Site Assets by ${nameEn(file.author)}; it is not the configuration file: every Team member and both parties read it, unchecked (art. 8, 9.5).`,
  };
}

/** A ToetsId held by several Toetslog records (listed once, unless a shared file already names it). */
function checkDuplicate(toetsId: string, entries: readonly ToetslogEntry[]): IntegrityFinding {
  const who = entries.map((e) => `${nameOf(e.author)} (${e.decision || '?'}, '${e.fileName}')`).join('; ');
  const whoEn = entries.map((e) => `${nameEn(e.author)} (${e.decision || '?'}, '${e.fileName}')`).join('; ');
  const newest = [...entries].sort((a, b) => (b.created ?? '').localeCompare(a.created ?? ''))[0];
  return {
    kind: 'duplicate-toetsid',
    fileName: entries[0]?.fileName ?? '',
    url: '',
    party: '',
    modified: newest?.created ?? '',
    toetsId,
    rule: 'AVG art. 5 lid 2',
    reason: `ToetsId '${toetsId}' staat ${entries.length} keer in de Toetslog: ${who}. Een ToetsId hoort bij één besluit; een tweede record maakt het eerste onbewijsbaar (AVG art. 5 lid 2).`,
    reasonEn: `ToetsId '${toetsId}' is in the Toetslog ${entries.length} times: ${whoEn}. A ToetsId belongs to one decision; a second record makes the first unprovable (GDPR art. 5(2)).`,
  };
}

/**
 * Every finding: shared files (newest first), files and folders outside the schema, lists and libraries outside it,
 * Site Assets, duplicate ToetsIds, then channel files.
 */
export function checkIntegrity(input: IntegrityInput): IntegrityFinding[] {
  const files = [...input.files].sort((a, b) => b.modified.localeCompare(a.modified));
  const named = new Set(files.map((f) => f.toetsId).filter((x): x is string => !!x));
  const duplicates = [...(input.duplicates ?? new Map<string, readonly ToetslogEntry[]>()).entries()].filter(
    ([id, entries]) => entries.length > 1 && !named.has(id),
  );
  return [
    ...files.flatMap((f) => checkFile(input, f)),
    ...(input.misplaced ?? []).map((f) => checkMisplaced(input.config, f)),
    ...(input.outsideFolders ?? []).map((f) => checkFolder(input.config, f)),
    ...(input.containers ?? []).map(checkContainer),
    ...(input.siteAssetsFiles ?? []).map(checkSiteAsset),
    ...duplicates.map(([id, entries]) => checkDuplicate(id, entries)),
    ...input.channelFiles.map(checkChannelFile),
  ];
}

/** Findings counted by kind (every kind present, 0 when none). */
export function countByKind(findings: readonly IntegrityFinding[]): Record<FindingKind, number> {
  const out = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) out[f.kind] += 1;
  return out;
}

/**
 * Findings about records themselves, for the export's "Controle" column: a record that names another person than the
 * one SharePoint says created it, a review by someone who is not a privacy officer of the file's party, an approval
 * that only the Toetslog holds (nothing proves who wrote it), and a ToetsId held by more than one record.
 */
export function recordChecks(
  config: AgreementConfig,
  records: readonly AuditRecord[],
  privacyOfficers: ReadonlyMap<string, ReadonlySet<number>>,
): Map<string, string> {
  const out = new Map<string, string>();
  const count = new Map<string, number>();
  for (const r of records) {
    if (!r.reviewOf || r.proof !== 'container') count.set(r.toetsId, (count.get(r.toetsId) ?? 0) + 1);
  }
  for (const r of records) {
    const author = writer(r);
    const twice = (count.get(r.toetsId) ?? 0) > 1 && r.proof !== 'container';
    if (twice) {
      out.set(r.toetsId, `ToetsId komt ${count.get(r.toetsId)} keer voor in de Toetslog (AVG art. 5 lid 2)`);
      continue;
    }
    if (author && author.id !== r.user.id) {
      out.set(r.toetsId, `vastgelegd door ${nameOf(author)}, noemt ${nameOf(r.user)}`);
      continue;
    }
    if ((r.decision === 'goedgekeurd' || r.decision === 'afgewezen') && r.party) {
      if (r.proof !== 'container' && (!author || !privacyOfficers.get(r.party)?.has(author.id))) {
        out.set(r.toetsId, `beoordeling door ${nameOf(author)}, geen privacy officer van ${partyLabel(config, r.party)} (art. 9.2)`);
      } else if (r.proof !== 'container') {
        out.set(
          r.toetsId,
          `beoordeling alleen in de Toetslog, niet in de beoordelingslijst van ${partyLabel(config, r.party)}: niet bewezen (art. 9.2)`,
        );
      }
    }
  }
  return out;
}
