/**
 * Placing a file in the exchange library as named, resumable steps. A real network loses answers: the
 * request reached SharePoint, SharePoint did the write, and the answer never came back. So no step trusts what it sent;
 * every step first reads what already landed and carries on from there:
 *
 * | step     | has it landed? (read first)                                              | the one write          |
 * |----------|--------------------------------------------------------------------------|------------------------|
 * | record   | the Toetslog holds this ToetsId (AuditLog.append looks it up itself)     | append (placeRecord)   |
 * | bytes    | a file of ours at staging/name or target/name                            | add / upload session   |
 * | metadata | the item carries our metadata (ToetsId, status …)                        | columns, item's etag   |
 * | move     | the file is at the target path                                           | move into the target   |
 * | publish  | the version is a major version                                           | publish                |
 *
 * "Ours": the item's ToetsId is ours; before the metadata landed, SharePoint's Author is the current user and the
 * length equals ours (and, when this upload has no trace of sending it, the SHA-256 of its bytes equals the one in our
 * Toetslog record). A name taken by a file that is not ours is refused ('duplicate') before any byte.
 *
 * The one rule ({@link carryOn}): run the first step that has not landed; when its answer is lost (no HTTP answer, or
 * a server error), read again and carry on from what landed, a few times per step; a refusal (4xx) stops at once. The
 * adapter only does single SharePoint operations (ports/documents.ts).
 *
 * The one inference: a file moved into `Review-<party>` cannot be read by its uploader any more (staff may only hand
 * files in there, art. 9.2). When a move into the review folder was sent (answered or not) and the file is then
 * neither in staging nor readable at the target, the file is concluded to be handed in ("In review"), with that
 * evidence in the result (`reached`/`attempted`, `inferred`). It is the only place where the product infers instead of
 * reads; docs/review.md says so.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import { describeFailure, ReadableFailure } from '../domain/common/failure';
import { contentHash } from '../domain/common/hash';
import type { Bilingual } from '../domain/common/types';
import {
  ConcurrencyError,
  UploadRefusedError,
  type DocumentMetadata,
  type DocumentStore,
  type ExchangeDocument,
  type StoredFile,
} from '../ports/documents';
import { PARTY_ONLY_STATUSES, isShareable } from '../provisioning/folders';

/** The steps of an upload, in order. */
export const UPLOAD_STEPS = ['record', 'bytes', 'metadata', 'move', 'publish'] as const;

/** One step of an upload. */
export type UploadStep = (typeof UPLOAD_STEPS)[number];

/** How far a file got: carried in a result, so a retry knows what was sent before it reads what landed. */
export interface StepProgress {
  /** The last step known to have landed (read back, or answered). */
  reached?: UploadStep;
  /** A step sent without a (successful) answer: it may have landed, the next read decides. */
  attempted?: UploadStep;
  /** The file as last read while it was ours to read (for a file handed in: just before the move). */
  document?: ExchangeDocument;
}

/** The single operations the steps are made of. */
export type PlaceOps =
  | 'folderUrls'
  | 'fileAt'
  | 'exists'
  | 'putFile'
  | 'writeMetadata'
  | 'moveFile'
  | 'publishFile'
  | 'flagIncomplete'
  | 'download';

/** What placing a file needs. */
export interface PlaceDeps {
  config: AgreementConfig;
  documents: Pick<DocumentStore, PlaceOps>;
  /** The uploader (site user id): SharePoint's Author of a file of theirs. */
  user: { id: number };
  /** Attempts per step within one call, each after reading what landed; default 3. */
  attempts?: number;
}

/** One file to place, with its decided metadata. */
export interface UploadPlan {
  fileName: string;
  /** The bytes; absent on a repair, which carries on after the bytes only. */
  content?: Uint8Array;
  metadata: DocumentMetadata;
  /** SHA-256 of the bytes, as in the Toetslog record (tells a same-sized file of the user's apart). */
  contentHash?: string;
  onProgress?: (bytesSent: number, retries: number) => void;
}

/** What placing did. */
export interface PlaceOutcome extends StepProgress {
  /** done: every step landed; incomplete: the bytes landed, a later step did not; failed: the bytes did not land. */
  state: 'done' | 'incomplete' | 'failed';
  /** The step that did not land (absent when done). */
  step?: UploadStep;
  /** Why it did not (absent when done). */
  error?: unknown;
  /** True when done was concluded, not read: handed in to a review folder its uploader cannot read. */
  inferred?: boolean;
}

/** Publish comment of a file that passed the check. */
const PUBLISH_COMMENT = 'Doelbindingstoets doorlopen (art. 8, 9)';

/** Why the bytes step cannot run on a repair: the bytes must be sent again (the dialog's retry does that). */
class BytesNeeded extends Error {
  public readonly readable: Bilingual;
  public constructor(fileName: string) {
    super(`'${fileName}' is niet (volledig) aangekomen; verstuur het opnieuw.`);
    this.name = 'BytesNeeded';
    this.readable = {
      nl: `'${fileName}' is niet (volledig) aangekomen; probeer het opnieuw, dan wordt het opnieuw verstuurd.`,
      en: `'${fileName}' did not (fully) arrive; try again and it is sent again.`,
    };
  }
}

/**
 * True when a failed request may have landed (or may succeed when sent again after a read): no HTTP answer at all (the
 * connection dropped), a timeout, throttling left over, or a server error. A refusal (4xx, a refused upload, a
 * concurrent change) is the answer, and final.
 */
export function outcomeUnknown(e: unknown): boolean {
  if (e instanceof UploadRefusedError || e instanceof ConcurrencyError || e instanceof BytesNeeded) return false;
  const status = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  if (typeof status !== 'number' || !Number.isFinite(status) || status === 0) return true;
  return status >= 500 || status === 408 || status === 429;
}

/** One step: whether it has landed in what was read, and the one write that makes it land. */
interface Step<S> {
  name: UploadStep;
  landed(seen: S): boolean;
  run(seen: S): Promise<void>;
}

/** Where a run of steps stopped. */
interface Stop<S> {
  /** The last read (undefined when even reading failed). */
  seen?: S;
  /** The step that did not land; absent when all did. */
  step?: UploadStep;
  error?: unknown;
}

/** True when `step` is at or after `than` in the upload's order. */
function atLeast(step: UploadStep | undefined, than: UploadStep): boolean {
  return step !== undefined && UPLOAD_STEPS.indexOf(step) >= UPLOAD_STEPS.indexOf(than);
}

/**
 * The one rule for lost answers. Reads what landed, runs the first step that has not, and reads again; a step whose
 * outcome is unknown (its answer lost) is simply read again: if it landed, the next step follows; if not, it is sent
 * again, at most `attempts` times in all. A refusal stops at once. `progress` records what was reached and what was
 * sent without an answer, for the next call.
 */
async function carryOn<S>(
  read: () => Promise<S>,
  steps: ReadonlyArray<Step<S>>,
  progress: StepProgress,
  attempts: number,
): Promise<Stop<S>> {
  const runs = new Map<UploadStep, number>();
  let readFailures = 0;
  let seen: S | undefined;
  let pending: UploadStep | undefined = steps[0]?.name;
  let lastError: unknown;
  for (;;) {
    let now: S;
    try {
      now = await read();
    } catch (e) {
      // Reads are repeated by the Resilience behaviour already; one that still fails is reported, never guessed.
      if (!outcomeUnknown(e) || ++readFailures >= attempts) return { seen, step: pending, error: e };
      continue;
    }
    seen = now;
    const index = steps.findIndex((s) => !s.landed(now));
    if (index > 0) progress.reached = steps[index - 1].name;
    // Nothing of these steps is there (any more): what an earlier call reached does not hold.
    if (index === 0) delete progress.reached;
    if (index < 0) {
      if (steps.length > 0) progress.reached = steps[steps.length - 1].name;
      return { seen };
    }
    const step = steps[index];
    pending = step.name;
    const count = (runs.get(step.name) ?? 0) + 1;
    if (count > attempts) {
      return { seen, step: step.name, error: lastError ?? new Error(`Stap '${step.name}' is niet aangekomen.`) };
    }
    runs.set(step.name, count);
    const failure = await step.run(now).then(
      () => undefined,
      (e: unknown) => ({ e }),
    );
    if (!failure) {
      answered(progress, step.name);
      continue;
    }
    lastError = failure.e;
    if (!outcomeUnknown(failure.e)) return { seen, step: step.name, error: failure.e };
    // Sent, answer lost: it may have landed. The next read says.
    unanswered(progress, step.name);
  }
}

/** A step was answered: it landed. */
function answered(progress: StepProgress, step: UploadStep): void {
  progress.reached = step;
  if (progress.attempted === step) delete progress.attempted;
}

/** A step was sent and its answer lost: it may have landed. */
function unanswered(progress: StepProgress, step: UploadStep): void {
  progress.attempted = step;
}

/**
 * The record step: `AuditLog.append` reads before it adds (it looks the ToetsId up), so the one rule applies as it is:
 * after a lost answer it is sent again and finds its record. Returns the error when the record did not land.
 */
export async function placeRecord(append: () => Promise<void>, attempts = 3): Promise<unknown> {
  let appended = false;
  const step: Step<boolean> = {
    name: 'record',
    landed: (done) => done,
    run: async () => {
      await append();
      appended = true;
    },
  };
  const stop = await carryOn(async () => appended, [step], {}, attempts);
  return stop.step ? (stop.error ?? new Error('Toetslog')) : undefined;
}

/** The folder part of a server-relative URL. */
function folderOf(serverRelativeUrl: string): string {
  return serverRelativeUrl.slice(0, serverRelativeUrl.lastIndexOf('/'));
}

/** True for a major version label ('1.0', '2.0'): what the other party reads. */
function isMajor(version: string | undefined): boolean {
  return /^\d+\.0$/.test(version ?? '');
}

/** The same set of values, in any order. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * True when the item already carries this metadata: our ToetsId and status (and the note, when one is written), and
 * the other columns the write sets. One metadata write sets all columns at once, so these decide. The retention date
 * is left out: SharePoint answers a date column in the site's time zone, so the day read back may differ from the day
 * written while the write did land.
 */
export function carries(doc: ExchangeDocument, m: DocumentMetadata): boolean {
  return (
    doc.toetsId === m.toetsId &&
    doc.toetsstatus === m.toetsstatus &&
    (m.reviewNote === undefined || (doc.reviewNote ?? '') === m.reviewNote) &&
    doc.documentType === m.documentType &&
    doc.classification === m.classification &&
    doc.party === m.party &&
    sameSet(doc.recipients ?? [], m.recipients ?? []) &&
    doc.activity === m.activity &&
    sameSet(doc.categories, m.categories) &&
    doc.year === m.year &&
    doc.confidential === m.confidential
  );
}

/** A document with the metadata applied, as it stands once the write landed. */
function withMetadata(doc: ExchangeDocument, m: DocumentMetadata): ExchangeDocument {
  return {
    ...doc,
    documentType: m.documentType,
    classification: m.classification,
    toetsstatus: m.toetsstatus,
    activity: m.activity,
    categories: [...m.categories],
    party: m.party,
    ...(m.recipients ? { recipients: [...m.recipients] } : {}),
    year: m.year,
    retainUntil: m.retainUntil,
    confidential: m.confidential,
    toetsId: m.toetsId,
    ...(m.reviewNote !== undefined ? { reviewNote: m.reviewNote } : {}),
  };
}

/** Strips the size of a stored file (a result carries the document, not the read). */
function documentOf(file: StoredFile): ExchangeDocument {
  const doc: ExchangeDocument & { length?: number } = { ...file };
  delete doc.length;
  return doc;
}

/** What a read of an upload found. */
interface UploadSeen {
  /**
   * Where our file is: at staging, at the target (also when both are one folder), handed in (concluded: moved into the
   * review folder, which its uploader cannot read), or nowhere.
   */
  where: 'staging' | 'target' | 'handed-in' | null;
  /** Our file (handed in: as last read, at its new path). */
  file?: StoredFile;
  /** Our empty stub at staging: the bytes have not landed, the next upload writes into it. */
  stub?: boolean;
  /** A file under this name that is not ours. */
  foreign?: StoredFile;
}

/**
 * Places an uploaded file: bytes into the sharing party's own folder (as a draft only its party reads), metadata with
 * the item's etag, the move into the review folder for a file in review, publishing a file that may be shared. The
 * record step is the caller's (share.ts), before this. `previous` carries on from an earlier call.
 */
export async function placeUpload(
  deps: PlaceDeps,
  plan: UploadPlan,
  previous: StepProgress = {},
): Promise<PlaceOutcome> {
  const { documents } = deps;
  const m = plan.metadata;
  const name = plan.fileName;
  const progress: StepProgress = {
    ...(previous.reached ? { reached: previous.reached } : {}),
    ...(previous.attempted ? { attempted: previous.attempted } : {}),
    ...(previous.document ? { document: previous.document } : {}),
  };
  let folders: { staging: string; target: string };
  try {
    folders = await documents.folderUrls(
      m,
      plan.content ? { name, size: plan.content.byteLength } : undefined,
    );
  } catch (e) {
    return { ...progress, state: 'failed', step: 'bytes', error: e };
  }
  const { staging, target } = folders;
  const oneFolder = staging === target;
  const tried = (step: UploadStep): boolean => progress.attempted === step || atLeast(progress.reached, step);

  /** Whether a file at our path is ours, our empty stub, or somebody else's. */
  const whose = async (file: StoredFile): Promise<'ours' | 'stub' | 'theirs'> => {
    if (file.toetsId) return file.toetsId === m.toetsId ? 'ours' : 'theirs';
    if (progress.document?.id === file.id) return 'ours';
    if (file.author?.id !== deps.user.id) return 'theirs';
    if (!plan.content) return 'theirs';
    if (file.length === 0) return 'stub';
    if (file.length !== plan.content.byteLength) return 'theirs';
    if (tried('bytes')) return 'ours';
    // The user's own file of the same size, and no trace of this upload sending it: its bytes decide.
    if (!plan.contentHash) return 'theirs';
    return (await contentHash(await documents.download(file.id))) === plan.contentHash ? 'ours' : 'theirs';
  };

  const read = async (): Promise<UploadSeen> => {
    let foreign: StoredFile | undefined;
    let stub = false;
    const atStaging = await documents.fileAt(staging, name);
    if (atStaging) {
      const who = await whose(atStaging);
      if (who === 'ours') {
        progress.document = documentOf(atStaging);
        return { where: oneFolder ? 'target' : 'staging', file: atStaging };
      }
      if (who === 'stub') stub = true;
      else foreign = atStaging;
    }
    if (!oneFolder) {
      const atTarget = await documents.fileAt(target, name);
      if (atTarget) {
        if ((await whose(atTarget)) === 'ours') {
          progress.document = documentOf(atTarget);
          return { where: 'target', file: atTarget };
        }
        foreign = foreign ?? atTarget;
      }
      // The inference (see the head of this file): a move into the review folder was sent, and the file is gone from
      // staging and unreadable at the target: it was handed in.
      if (!atStaging && tried('move') && progress.document && PARTY_ONLY_STATUSES.has(m.toetsstatus)) {
        const handedIn = {
          ...withMetadata(progress.document, m),
          serverRelativeUrl: `${target}/${name}`,
          length: plan.content?.byteLength ?? 0,
        };
        return { where: 'handed-in', file: handedIn };
      }
    }
    return { where: null, stub, ...(foreign ? { foreign } : {}) };
  };

  const duplicate = (): UploadRefusedError =>
    new UploadRefusedError('duplicate', {
      nl: `'${name}' bestaat al in ${deps.config.space.exchangeLibraryTitle}; hernoem het bestand en kies het opnieuw.`,
      en: `'${name}' already exists in ${deps.config.space.exchangeLibraryTitle}; rename the file and pick it again.`,
    });
  const ours = (seen: UploadSeen): StoredFile => {
    if (!seen.file) throw new Error(`'${name}' is niet gevonden.`);
    return seen.file;
  };
  const steps: Array<Step<UploadSeen>> = [
    {
      name: 'bytes',
      landed: (seen) => seen.where !== null,
      run: async (seen) => {
        if (seen.foreign) throw duplicate();
        if (!plan.content) throw new BytesNeeded(name);
        // A name the user cannot see here may be taken in another folder of the library (the root, the other party's).
        if (!seen.stub && (await documents.exists(name))) throw duplicate();
        await documents.putFile(staging, name, plan.content, plan.onProgress);
      },
    },
    {
      name: 'metadata',
      landed: (seen) => seen.where === 'handed-in' || (seen.file !== undefined && carries(seen.file, m)),
      run: async (seen) => {
        const file = ours(seen);
        await documents.writeMetadata(file.id, m, file.etag, { asUpload: true });
      },
    },
    ...(oneFolder
      ? []
      : [
          {
            name: 'move' as const,
            landed: (seen: UploadSeen) => seen.where === 'target' || seen.where === 'handed-in',
            run: async (seen: UploadSeen) => {
              await documents.moveFile(ours(seen).serverRelativeUrl, target);
            },
          },
        ]),
    ...(isShareable(m.toetsstatus)
      ? [
          {
            name: 'publish' as const,
            landed: (seen: UploadSeen) => isMajor(seen.file?.version),
            run: async (seen: UploadSeen) => {
              await documents.publishFile(ours(seen).serverRelativeUrl, PUBLISH_COMMENT);
            },
          },
        ]
      : []),
  ];

  const stop = await carryOn(read, steps, progress, deps.attempts ?? 3);
  const seen = stop.seen;
  if (!stop.step) {
    const file = ours(seen as UploadSeen);
    return {
      ...progress,
      state: 'done',
      document: documentOf(file),
      ...(seen?.where === 'handed-in' ? { inferred: true } : {}),
    };
  }
  const landed = seen?.where !== null && seen?.where !== undefined;
  if (!landed) return { ...progress, state: 'failed', step: stop.step, error: stop.error };
  // The bytes are there, a later step is not: flag it where it is, so it shows in "Te classificeren".
  if (seen?.file && seen.where !== 'handed-in') await flag(documents, staging, target, name, seen.file);
  return { ...progress, state: 'incomplete', step: stop.step, error: stop.error };
}

/**
 * Marks our file 'Onvolledig' where it is, best effort, with the etag of a fresh read (the last write's answer may
 * have been lost, so the etag seen before it may be stale). If even this fails, a new file keeps the column default
 * 'Te classificeren', and an unpublished one stays a draft only its own party reads.
 */
async function flag(
  documents: Pick<DocumentStore, 'fileAt' | 'flagIncomplete'>,
  staging: string,
  target: string,
  name: string,
  file: StoredFile,
): Promise<void> {
  try {
    const fresh = (await documents.fileAt(staging, name)) ?? (await documents.fileAt(target, name));
    if (fresh && fresh.id === file.id && fresh.toetsstatus !== 'Onvolledig') {
      await documents.flagIncomplete(fresh.id, fresh.etag);
    }
  } catch {
    // Best effort: see above.
  }
}

/** The operations placing an existing file needs. */
export type PlaceExistingOps =
  | 'folderUrls'
  | 'fileAt'
  | 'writeMetadata'
  | 'moveFile'
  | 'publishFile'
  | 'flagIncomplete';

/** The full metadata of an existing document with a change applied. */
export function mergeMetadata(doc: ExchangeDocument, patch: Partial<DocumentMetadata>): DocumentMetadata {
  return {
    documentType: patch.documentType ?? doc.documentType ?? '',
    classification: patch.classification ?? doc.classification ?? '',
    toetsstatus: patch.toetsstatus ?? doc.toetsstatus,
    activity: 'activity' in patch ? patch.activity : doc.activity,
    categories: patch.categories ?? doc.categories,
    party: patch.party ?? doc.party ?? '',
    // The stored recipients decide the folder after review too (art. 8, 9.5): approval never widens who reads it.
    ...((patch.recipients ?? doc.recipients) ? { recipients: [...(patch.recipients ?? doc.recipients ?? [])] } : {}),
    year: 'year' in patch ? patch.year : doc.year,
    retainUntil: 'retainUntil' in patch ? patch.retainUntil : doc.retainUntil,
    confidential: patch.confidential ?? doc.confidential,
    toetsId: patch.toetsId ?? doc.toetsId,
    ...(patch.reviewNote !== undefined ? { reviewNote: patch.reviewNote } : {}),
  };
}

/** What an existing file's read found. */
interface ExistingSeen {
  /** At the path the caller read it from, at the target folder, or handed in (concluded, see the head of this file). */
  where: 'source' | 'target' | 'handed-in';
  file: StoredFile;
}

/**
 * Gives an existing document new metadata and the folder and publication its state demands, as steps that read first
 * (classifying a 'Te classificeren' file, the privacy officer's approval or rejection). The order never leaves the
 * file readable under a status that does not allow it, and only asks of each person what they may do:
 * - into a review folder (review, rejected, incomplete): the metadata first, where the file is, then the move — a
 *   party's staff may add to its review folder but not edit there (art. 9.2);
 * - otherwise (the privacy officer's approval moves it out of the review folder): the move first, then the metadata
 *   with the etag read back after the move; the file is a draft in its new folder until it is published last.
 * `etag` is the item's etag as the caller read it: the first write while the file is still where the caller saw it is
 * guarded by it (a move by a client-side check, as SharePoint's move takes no etag), so a change by someone else in
 * between is refused (ConcurrencyError), never overwritten. Returns the document as it now is; after a move into a
 * review folder its uploader cannot read, as concluded (see the head of this file).
 */
export async function placeDocument(
  deps: { documents: Pick<DocumentStore, PlaceExistingOps>; attempts?: number },
  doc: ExchangeDocument,
  patch: Partial<DocumentMetadata>,
  etag?: string,
): Promise<ExchangeDocument> {
  const { documents } = deps;
  const m = mergeMetadata(doc, patch);
  const { target } = await documents.folderUrls(m);
  const source = folderOf(doc.serverRelativeUrl);
  const progress: StepProgress = { document: doc };
  const intoReview = PARTY_ONLY_STATUSES.has(m.toetsstatus);

  const tried = (step: UploadStep): boolean => progress.attempted === step || atLeast(progress.reached, step);

  const read = async (): Promise<ExistingSeen> => {
    const atSource = await documents.fileAt(source, doc.name);
    if (atSource?.id === doc.id) {
      progress.document = documentOf(atSource);
      return { where: 'source', file: atSource };
    }
    if (source !== target) {
      const atTarget = await documents.fileAt(target, doc.name);
      if (atTarget?.id === doc.id) {
        progress.document = documentOf(atTarget);
        return { where: 'target', file: atTarget };
      }
      // The inference, as for an upload: moved into a review folder this person cannot read.
      if (!atSource && intoReview && tried('move') && progress.document) {
        const file = { ...withMetadata(progress.document, m), serverRelativeUrl: `${target}/${doc.name}`, length: 0 };
        return { where: 'handed-in', file };
      }
    }
    throw new ConcurrencyError({
      nl: `'${doc.name}' is intussen verplaatst of verwijderd; laad opnieuw en probeer het nog eens.`,
      en: `'${doc.name}' was moved or deleted in the meantime; reload and try again.`,
    });
  };

  /** The caller's etag guards the first write while the file is where the caller saw it; after a move, the server's. */
  const guarded = (seen: ExistingSeen): string => (seen.where === 'source' && etag ? etag : seen.file.etag);
  const metadataStep: Step<ExistingSeen> = {
    name: 'metadata',
    landed: (seen) => seen.where === 'handed-in' || carries(seen.file, m),
    run: async (seen) => {
      await documents.writeMetadata(seen.file.id, m, guarded(seen));
    },
  };
  const moveStep: Step<ExistingSeen> = {
    name: 'move',
    landed: (seen) => source === target || seen.where !== 'source',
    run: async (seen) => {
      // SharePoint's move takes no etag: when it is the first write, the caller's is checked against the one just read.
      if (!intoReview && etag && etag !== seen.file.etag) {
        throw new ConcurrencyError({
          nl: `'${doc.name}' is intussen door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.`,
          en: `'${doc.name}' was changed by someone else in the meantime; reload and try again.`,
        });
      }
      await documents.moveFile(seen.file.serverRelativeUrl, target);
    },
  };
  const steps: Array<Step<ExistingSeen>> = [
    ...(intoReview ? [metadataStep, moveStep] : [moveStep, metadataStep]),
    ...(isShareable(m.toetsstatus)
      ? [
          {
            name: 'publish' as const,
            landed: (seen: ExistingSeen) => isMajor(seen.file.version),
            run: async (seen: ExistingSeen) => {
              await documents.publishFile(seen.file.serverRelativeUrl, PUBLISH_COMMENT);
            },
          },
        ]
      : []),
  ];
  const stop = await carryOn(read, steps, progress, deps.attempts ?? 3);
  if (!stop.step && stop.seen) return documentOf(stop.seen.file);
  if (stop.step === 'publish' && stop.seen && stop.seen.where !== 'handed-in') {
    // Still a draft only its own party reads; flagged so it shows in "Te classificeren" and is classified again.
    const file = stop.seen.file;
    await flag(documents, folderOf(file.serverRelativeUrl), target, doc.name, file);
    const why = describeFailure(stop.error);
    throw new ReadableFailure(
      {
        nl:
          `'${doc.name}' is vastgelegd als '${m.toetsstatus}', maar niet gepubliceerd voor de andere partij. ` +
          `Het staat als 'Onvolledig' in 'Te classificeren'; classificeer het opnieuw. ${why.text.nl}`,
        en:
          `'${doc.name}' was recorded as '${m.toetsstatus}', but not published to the other party. ` +
          `It shows as 'Onvolledig' in 'Te classificeren'; classify it again. ${why.text.en}`,
      },
      why.detail,
    );
  }
  throw stop.error ?? new Error(`'${doc.name}' is niet geplaatst.`);
}
