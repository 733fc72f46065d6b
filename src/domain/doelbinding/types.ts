/** Types of the doelbinding (purpose limitation) check: the answers at upload and the decision with its reasons. */
import type { Bilingual, Citation } from '../common/types';
import type { FindingKind } from '../scan/types';

/** The doelbinding questions as the uploader answered them (art. 8, 9.1; seed 001 §3). */
export interface DoelbindingAnswers {
  /** Does the document hold personal data? */
  containsPersonalData: boolean;
  /** The processing activity (purpose) from the register (seed 003 annex 1). */
  activityKey?: string;
  /** Categories of personal data present (keys of `categories`). */
  categories: string[];
  /** Why sharing is strictly necessary (art. 9.1). */
  necessity: string;
  /** "Could less or no personal data serve the same purpose?" (seed 001 §3); undefined = not answered. */
  lessDataPossible: boolean | undefined;
  /** Consent of the data subject (or secret-keeper) is recorded (seed 001 §2, seed 002). */
  consentRecorded?: boolean;
  /** Where the consent is recorded (file number, date). */
  consentReference?: string;
  /** Why, without consent, exceptional circumstances justify sharing (seed 002). */
  exceptionalCircumstances?: string;
}

/** A count of one finding kind from the content scan; positions are not needed here and values never exist. */
export interface FindingCount {
  kind: FindingKind;
  count: number;
}

/** Everything the check needs about one intended upload. */
export interface DoelbindingInput {
  answers: DoelbindingAnswers;
  /** Key of a configured document type. */
  documentType: string;
  /** Key of the chosen classification level (may name a forbidden level, which is then refused). */
  classification: string;
  /** Findings of the content scan (src/domain/scan). */
  findings: ReadonlyArray<FindingCount>;
  /** Party keys the document is shared with. */
  recipients: string[];
  /** Party key of the uploader. */
  uploaderParty: string;
}

/** allowed: share now; review: the privacy officer tests it first (art. 9.2); refused: not shared. */
export type Outcome = 'allowed' | 'review' | 'refused';

/** One reason of a decision, citing its article or seed; `advice` says what to do instead. */
export interface Reason extends Bilingual {
  /** Stable code, e.g. `category_outside_purpose`. */
  code: string;
  outcome: Outcome;
  source: Citation;
  advice?: Bilingual;
}

/** The decision on an intended upload: the strictest outcome of its reasons. */
export interface Decision {
  outcome: Outcome;
  reasons: Reason[];
  /** Which rules decided: configuration id, agreement version and rule-set version. */
  ruleVersion: string;
  /** On review: the party whose privacy officer tests the intention, the sharing party (art. 9.2). */
  reviewParty?: string;
}
