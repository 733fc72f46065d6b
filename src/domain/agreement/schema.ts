/**
 * Zod schema of the agreement configuration: one samenwerkingsovereenkomst (cooperation agreement) per site.
 * Written with `zod/mini`: the same validator core, rules and issues as the classic `zod` API, at about a
 * quarter of its size, because the configuration is validated before the dashboard's first render.
 * Shape only; cross-references (a controller must name an existing party, …) are checked in `crossref.ts`.
 * Every object accepts a `_comment` so a configuration can say which entries are examples rather than agreement text.
 */
import * as z from 'zod/mini';

/** Free-text note inside any configuration object (e.g. "voorbeeld, geen tekst van de overeenkomst"). */
const comment = z.optional(z.string());

/** A machine key: lower-case letters, digits, '-' or '_' (e.g. 'igj', 'tucht-signalen'). */
export const keySchema = z.string().check(z.regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/));

/** Non-empty trimmed-looking text. */
const text = z.string().check(z.trim(), z.minLength(1));

/** Where a rule comes from, e.g. 'art. 9.6 (samenwerkingsovereenkomst)' or 'seed 004 §Bewaartermijnen'. */
export const citationSchema = z.string().check(z.trim(), z.minLength(3));

/** Calendar date as YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();

/** The kinds of finding the personal-data detectors produce (src/domain/scan). */
export const findingKindSchema = z.enum(['bsn', 'iban', 'big', 'email', 'phone', 'birthdate', 'healthTerm']);

/** A person who signed the agreement, by party. */
const signatorySchema = z.strictObject({ party: keySchema, name: text, functionTitle: text, _comment: comment });

/** The agreement record (art. 13, 14). */
export const agreementRecordSchema = z.strictObject({
  title: text,
  shortTitle: text,
  kind: z.enum(['samenwerkingsovereenkomst', 'convenant', 'samenwerkingsprotocol', 'onderzoekssamenwerking']),
  version: text,
  supersedes: z.optional(text),
  signedOn: isoDateSchema,
  signedAt: text,
  signatories: z.array(signatorySchema).check(z.minLength(1)),
  staatscourant: z.optional(
    z.strictObject({ publishedOn: z.optional(isoDateSchema), reference: z.optional(text), _comment: comment }),
  ),
  /** art. 14.1: in force the day after publication; 'onSigning' and 'explicit' serve agreements without publication. */
  effectiveRule: z._default(z.enum(['dayAfterPublication', 'onSigning', 'explicit']), 'dayAfterPublication'),
  effectiveFrom: z.optional(isoDateSchema),
  indefinite: z.boolean(),
  endsOn: z.optional(isoDateSchema),
  /** art. 13.2: evaluation after one year. */
  evaluationAfterMonths: z.int().check(z.gte(1), z.lte(120)),
  source: z.optional(citationSchema),
  _comment: comment,
});

/** Postal address (annex 2a: Adres, Postcode en plaats). */
const addressSchema = z.strictObject({ street: text, postalCode: text, city: text, _comment: comment });

/** A 1st or 2nd contact person (art. 5, annex 2a). */
const contactSchema = z.strictObject({
  order: z.literal([1, 2]),
  name: text,
  functionTitle: text,
  email: z.email(),
  phone: z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{6,19}$/)),
  _comment: comment,
});

/** A party to the agreement (partij). */
export const partySchema = z.strictObject({
  key: keySchema,
  name: text,
  shortName: text,
  address: addressSchema,
  /** art. 9.6: where a breach (datalek) is reported. */
  breachAddress: z.email(),
  /** art. 5: the accounthouder is named by function title. */
  accounthouder: z.strictObject({ functionTitle: text, _comment: comment }),
  contacts: z.array(contactSchema).check(z.minLength(1)),
  /** art. 9.2: the privacy officer tests an intention to share. */
  privacyOfficer: z.strictObject({ functionTitle: text, email: z.email(), group: keySchema, _comment: comment }),
  /** art. 12: owner of the DVAs (dienstverleningsafspraken). */
  dvaOwner: z.optional(z.strictObject({ functionTitle: text, _comment: comment })),
  /** Maps a signed-in user's e-mail domain to this party. */
  emailDomains: z.array(z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/))).check(z.minLength(1)),
  _comment: comment,
});

/** A sensitivity classification level; `restricted` drives unique permissions (art. 10.1). */
const levelSchema = z.strictObject({
  key: keySchema,
  label: text,
  rank: z.int().check(z.gte(0)),
  restricted: z.boolean(),
  description: z.optional(text),
  _comment: comment,
});

/** A level that may never be stored in the space (e.g. Staatsgeheim). */
const forbiddenLevelSchema = z.strictObject({
  key: keySchema,
  label: text,
  reason: text,
  /** English variant of the reason, for the English UI. */
  reasonEn: z.optional(text),
  source: citationSchema,
  _comment: comment,
});

/** Classification policy: ordered levels plus forbidden levels. */
export const classificationSchema = z.strictObject({
  levels: z.array(levelSchema).check(z.minLength(1)),
  forbidden: z.array(forbiddenLevelSchema),
  _comment: comment,
});

/** A document type offered at upload; `view` places it in a library view (art. 11 werkafspraken, art. 12 DVA). */
const documentTypeSchema = z.strictObject({
  key: keySchema,
  label: text,
  view: z.optional(z.enum(['werkafspraken', 'dva', 'overleg', 'evaluatie', 'uitwisseling'])),
  source: z.optional(citationSchema),
  _comment: comment,
});

/** A category of personal data with its protection flags (seed 004). */
const categorySchema = z.strictObject({
  key: keySchema,
  label: text,
  /** AVG art. 9: special category (e.g. health). */
  special: z.boolean(),
  /** AVG art. 10: criminal-law data. */
  criminal: z.boolean(),
  /** Contains the BSN (citizen service number). */
  bsn: z.boolean(),
  /** Data of children. */
  children: z.boolean(),
  /** Findings of the configured health terms point at this category. */
  healthTerm: z.optional(z.boolean()),
  /** Other detector findings that point at this category (e.g. 'iban' for payment data). */
  findingKinds: z.optional(z.array(findingKindSchema)),
  source: z.optional(citationSchema),
  _comment: comment,
});

/** A category of data subjects (betrokkenen). */
const dataSubjectSchema = z.strictObject({
  key: keySchema,
  label: text,
  children: z.optional(z.boolean()),
  _comment: comment,
});

/** A retention rule (bewaartermijn): years and/or months after a trigger event. */
export const retentionSchema = z.strictObject({
  years: z.optional(z.int().check(z.gte(0), z.lte(200))),
  months: z.optional(z.int().check(z.gte(0), z.lte(2400))),
  /** The event the period runs from, e.g. 'verwijdering van de registratie uit het register'. */
  trigger: text,
  /** English variant of the trigger, for the English UI. */
  triggerEn: z.optional(text),
  source: citationSchema,
  _comment: comment,
});

/** Legal basis (grondslag): AVG art. 6(1) point plus the specific law, and for special/criminal data the exception. */
const legalBasisSchema = z.strictObject({
  avg: z.enum(['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)']),
  law: text,
  /** AVG art. 9(2) / art. 10 + UAVG ground, required when the activity holds special or criminal data. */
  specialCategories: z.optional(text),
  _comment: comment,
});

/** One activity of the processing register (annex 1 of seed 003). */
export const processingActivitySchema = z.strictObject({
  key: keySchema,
  service: text,
  nature: text,
  categories: z.array(keySchema).check(z.minLength(1)),
  dataSubjects: z.array(keySchema).check(z.minLength(1)),
  purposes: z.array(text).check(z.minLength(1)),
  controller: keySchema,
  legalBasis: legalBasisSchema,
  recipients: z.array(keySchema).check(z.minLength(1)),
  retention: retentionSchema,
  /** AVG art. 35 / seed 001 §II.2: data-protection impact assessment for this activity, when one applies. */
  dpia: z.optional(
    z.strictObject({
      status: z.enum(['uitgevoerd', 'gepland', 'vereist', 'niet-nodig']),
      reference: z.optional(text),
      source: citationSchema,
      _comment: comment,
    }),
  ),
  example: z.boolean(),
  _comment: comment,
});

/** Agreement rules applied by the doelbinding check. */
export const rulesSchema = z.strictObject({
  blockedCategories: z.array(
    z.strictObject({
      category: keySchema,
      recipient: keySchema,
      reason: text,
      reasonEn: z.optional(text),
      source: citationSchema,
      _comment: comment,
    }),
  ),
  consentRequired: z.array(
    z.strictObject({
      category: keySchema,
      source: citationSchema,
      /** Sharing without consent in exceptional circumstances is possible, always with review. */
      exceptionAllowed: z.optional(z.boolean()),
      _comment: comment,
    }),
  ),
  alwaysReview: z.array(
    z.strictObject({
      category: keySchema,
      source: citationSchema,
      reason: z.optional(text),
      reasonEn: z.optional(text),
      _comment: comment,
    }),
  ),
  /** art. 9.2 / seed 004: these category flags escalate to privacy-officer review unless turned off. */
  reviewEscalationDefaults: z._default(
    z.strictObject({
      special: z._default(z.boolean(), true),
      bsn: z._default(z.boolean(), true),
      criminal: z._default(z.boolean(), true),
      children: z._default(z.boolean(), false),
      _comment: comment,
    }),
    { special: true, bsn: true, criminal: true, children: false },
  ),
  /**
   * A file the scan could not read, or read only in part (an encrypted or damaged file, a scanned page OCR
   * could not read, a scan the person stopped), is never allowed on the answers alone: 'review' (the default) sends it
   * to the sharing party's privacy officer (art. 9.2), 'refused' keeps it out.
   */
  unreadFile: z.optional(z.enum(['review', 'refused'])),
  minimumClassification: z.array(
    z.strictObject({ category: keySchema, level: keySchema, source: citationSchema, _comment: comment }),
  ),
  _comment: comment,
});

/** A mandatory agenda topic (art. 6.2). */
const topicSchema = z.strictObject({ key: keySchema, label: text, source: citationSchema, _comment: comment });

/** A meeting series: ambtelijk (art. 6), bestuurlijk (art. 7), evaluatie (art. 13), DVA renewal (art. 12). */
export const meetingSchema = z.strictObject({
  key: keySchema,
  kind: z.enum(['ambtelijk', 'bestuurlijk', 'evaluatie', 'dva-vernieuwing']),
  title: text,
  everyMonths: z.int().check(z.gte(1), z.lte(60)),
  mandatoryTopics: z.array(topicSchema),
  requiredAttendees: z.array(z.strictObject({ party: keySchema, functionTitle: text, _comment: comment })),
  reminderLeadDays: z.array(z.int().check(z.gte(0), z.lte(365))),
  source: citationSchema,
  _comment: comment,
});

/** One line of the autorisatielijst (art. 1e, 10.1): a function title and the groups it is placed in. */
const authorisationSchema = z.strictObject({
  functionTitle: text,
  party: keySchema,
  groups: z.array(keySchema),
  _comment: comment,
});

/** A SharePoint group the space provisions. */
const groupSchema = z.strictObject({
  key: keySchema,
  name: text,
  party: z.optional(keySchema),
  kind: z.enum(['members', 'privacy', 'accounthouders', 'vertrouwelijk', 'owners']),
  _comment: comment,
});

/** The SharePoint/Teams space settings. */
const spaceSchema = z.strictObject({
  exchangeLibraryTitle: text,
  teamId: z.optional(text),
  /** Annex 2: the privacy officers' channel that receives breach cards. */
  channelId: z.optional(text),
  reminderChannelId: z.optional(text),
  maxUploadMB: z.int().check(z.gte(1), z.lte(250)),
  _comment: comment,
});

/** The whole agreement configuration, as stored in Configuratie/Samenwerkingsruimte/agreement.json. */
export const agreementSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: keySchema,
  agreement: agreementRecordSchema,
  parties: z.array(partySchema).check(z.minLength(2)),
  classification: classificationSchema,
  documentTypes: z.array(documentTypeSchema).check(z.minLength(1)),
  categories: z.array(categorySchema),
  dataSubjectCategories: z.array(dataSubjectSchema),
  processingActivities: z.array(processingActivitySchema),
  rules: rulesSchema,
  meetings: z.array(meetingSchema),
  autorisatielijst: z.array(authorisationSchema).check(z.minLength(1)),
  groups: z.array(groupSchema).check(z.minLength(1)),
  space: spaceSchema,
  /** Words the health-term detector looks for (configurable per agreement). */
  healthTerms: z.array(text),
  _comment: comment,
});

/** A validated agreement configuration. */
export type AgreementConfig = z.infer<typeof agreementSchema>;
/** A party (partij) of the agreement. */
export type Party = AgreementConfig['parties'][number];
/** A 1st or 2nd contact person of a party (annex 2a). */
export type Contact = Party['contacts'][number];
/** The agreement record (signing, publication, duration). */
export type AgreementRecord = AgreementConfig['agreement'];
/** A classification level. */
export type ClassificationLevel = AgreementConfig['classification']['levels'][number];
/** A level that may never be stored in the space. */
export type ForbiddenLevel = AgreementConfig['classification']['forbidden'][number];
/** A document type. */
export type DocumentType = AgreementConfig['documentTypes'][number];
/** A category of personal data. */
export type PersonalDataCategory = AgreementConfig['categories'][number];
/** A category of data subjects (betrokkenen). */
export type DataSubjectCategory = AgreementConfig['dataSubjectCategories'][number];
/** A processing activity of the register (annex 1). */
export type ProcessingActivity = AgreementConfig['processingActivities'][number];
/** A retention rule (bewaartermijn). */
export type RetentionRule = ProcessingActivity['retention'];
/** The agreement rules used by the doelbinding check. */
export type AgreementRules = AgreementConfig['rules'];
/** A meeting series (overleg). */
export type MeetingConfig = AgreementConfig['meetings'][number];
/** A line of the autorisatielijst. */
export type Authorisation = AgreementConfig['autorisatielijst'][number];
/** A SharePoint group of the space. */
export type GroupConfig = AgreementConfig['groups'][number];
/** Space settings (library, Team, channels). */
export type SpaceConfig = AgreementConfig['space'];
/** A detector finding kind as named in the configuration. */
export type ConfigFindingKind = z.infer<typeof findingKindSchema>;
