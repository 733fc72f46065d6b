/**
 * Zod schema of the agreement configuration: one samenwerkingsovereenkomst (cooperation agreement) per site.
 * Shape only; cross-references (a controller must name an existing party, …) are checked in `crossref.ts`.
 * Every object accepts a `_comment` so a configuration can say which entries are examples rather than agreement text.
 */
import { z } from 'zod';

/** Free-text note inside any configuration object (e.g. "voorbeeld, geen tekst van de overeenkomst"). */
const comment = z.string().optional();

/** A machine key: lower-case letters, digits, '-' or '_' (e.g. 'igj', 'tucht-signalen'). */
export const keySchema = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/);

/** Non-empty trimmed-looking text. */
const text = z.string().trim().min(1);

/** Where a rule comes from, e.g. 'art. 9.6 (samenwerkingsovereenkomst)' or 'seed 004 §Bewaartermijnen'. */
export const citationSchema = z.string().trim().min(3);

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
  supersedes: text.optional(),
  signedOn: isoDateSchema,
  signedAt: text,
  signatories: z.array(signatorySchema).min(1),
  staatscourant: z
    .strictObject({ publishedOn: isoDateSchema.optional(), reference: text.optional(), _comment: comment })
    .optional(),
  /** art. 14.1: in force the day after publication; 'onSigning' and 'explicit' serve agreements without publication. */
  effectiveRule: z.enum(['dayAfterPublication', 'onSigning', 'explicit']).default('dayAfterPublication'),
  effectiveFrom: isoDateSchema.optional(),
  indefinite: z.boolean(),
  endsOn: isoDateSchema.optional(),
  /** art. 13.2: evaluation after one year. */
  evaluationAfterMonths: z.int().min(1).max(120),
  source: citationSchema.optional(),
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
  phone: z.string().regex(/^\+?[0-9][0-9 ()-]{6,19}$/),
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
  contacts: z.array(contactSchema).min(1),
  /** art. 9.2: the privacy officer tests an intention to share. */
  privacyOfficer: z.strictObject({ functionTitle: text, email: z.email(), group: keySchema, _comment: comment }),
  /** art. 12: owner of the DVAs (dienstverleningsafspraken). */
  dvaOwner: z.strictObject({ functionTitle: text, _comment: comment }).optional(),
  /** Maps a signed-in user's e-mail domain to this party. */
  emailDomains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/)).min(1),
  _comment: comment,
});

/** A sensitivity classification level; `restricted` drives unique permissions (art. 10.1). */
const levelSchema = z.strictObject({
  key: keySchema,
  label: text,
  rank: z.int().min(0),
  restricted: z.boolean(),
  description: text.optional(),
  _comment: comment,
});

/** A level that may never be stored in the space (e.g. Staatsgeheim). */
const forbiddenLevelSchema = z.strictObject({
  key: keySchema,
  label: text,
  reason: text,
  /** English variant of the reason, for the English UI. */
  reasonEn: text.optional(),
  source: citationSchema,
  _comment: comment,
});

/** Classification policy: ordered levels plus forbidden levels. */
export const classificationSchema = z.strictObject({
  levels: z.array(levelSchema).min(1),
  forbidden: z.array(forbiddenLevelSchema),
  _comment: comment,
});

/** A document type offered at upload; `view` places it in a library view (art. 11 werkafspraken, art. 12 DVA). */
const documentTypeSchema = z.strictObject({
  key: keySchema,
  label: text,
  view: z.enum(['werkafspraken', 'dva', 'overleg', 'evaluatie', 'uitwisseling']).optional(),
  source: citationSchema.optional(),
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
  healthTerm: z.boolean().optional(),
  /** Other detector findings that point at this category (e.g. 'iban' for payment data). */
  findingKinds: z.array(findingKindSchema).optional(),
  source: citationSchema.optional(),
  _comment: comment,
});

/** A category of data subjects (betrokkenen). */
const dataSubjectSchema = z.strictObject({
  key: keySchema,
  label: text,
  children: z.boolean().optional(),
  _comment: comment,
});

/** A retention rule (bewaartermijn): years and/or months after a trigger event. */
export const retentionSchema = z.strictObject({
  years: z.int().min(0).max(200).optional(),
  months: z.int().min(0).max(2400).optional(),
  /** The event the period runs from, e.g. 'verwijdering van de registratie uit het register'. */
  trigger: text,
  /** English variant of the trigger, for the English UI. */
  triggerEn: text.optional(),
  source: citationSchema,
  _comment: comment,
});

/** Legal basis (grondslag): AVG art. 6(1) point plus the specific law, and for special/criminal data the exception. */
const legalBasisSchema = z.strictObject({
  avg: z.enum(['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)']),
  law: text,
  /** AVG art. 9(2) / art. 10 + UAVG ground, required when the activity holds special or criminal data. */
  specialCategories: text.optional(),
  _comment: comment,
});

/** One activity of the processing register (annex 1 of seed 003). */
export const processingActivitySchema = z.strictObject({
  key: keySchema,
  service: text,
  nature: text,
  categories: z.array(keySchema).min(1),
  dataSubjects: z.array(keySchema).min(1),
  purposes: z.array(text).min(1),
  controller: keySchema,
  legalBasis: legalBasisSchema,
  recipients: z.array(keySchema).min(1),
  retention: retentionSchema,
  /** AVG art. 35 / seed 001 §II.2: data-protection impact assessment for this activity, when one applies. */
  dpia: z
    .strictObject({
      status: z.enum(['uitgevoerd', 'gepland', 'vereist', 'niet-nodig']),
      reference: text.optional(),
      source: citationSchema,
      _comment: comment,
    })
    .optional(),
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
      reasonEn: text.optional(),
      source: citationSchema,
      _comment: comment,
    }),
  ),
  consentRequired: z.array(
    z.strictObject({
      category: keySchema,
      source: citationSchema,
      /** Sharing without consent in exceptional circumstances is possible, always with review. */
      exceptionAllowed: z.boolean().optional(),
      _comment: comment,
    }),
  ),
  alwaysReview: z.array(
    z.strictObject({
      category: keySchema,
      source: citationSchema,
      reason: text.optional(),
      reasonEn: text.optional(),
      _comment: comment,
    }),
  ),
  /** art. 9.2 / seed 004: these category flags escalate to privacy-officer review unless turned off. */
  reviewEscalationDefaults: z
    .strictObject({
      special: z.boolean().default(true),
      bsn: z.boolean().default(true),
      criminal: z.boolean().default(true),
      children: z.boolean().default(false),
      _comment: comment,
    })
    .default({ special: true, bsn: true, criminal: true, children: false }),
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
  everyMonths: z.int().min(1).max(60),
  mandatoryTopics: z.array(topicSchema),
  requiredAttendees: z.array(z.strictObject({ party: keySchema, functionTitle: text, _comment: comment })),
  reminderLeadDays: z.array(z.int().min(0).max(365)),
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
  party: keySchema.optional(),
  kind: z.enum(['members', 'privacy', 'accounthouders', 'vertrouwelijk', 'owners']),
  _comment: comment,
});

/** The SharePoint/Teams space settings. */
const spaceSchema = z.strictObject({
  exchangeLibraryTitle: text,
  teamId: text.optional(),
  /** Annex 2: the privacy officers' channel that receives breach cards. */
  channelId: text.optional(),
  reminderChannelId: text.optional(),
  maxUploadMB: z.int().min(1).max(250),
  _comment: comment,
});

/** The whole agreement configuration, as stored in SiteAssets/Samenwerkingsruimte/agreement.json. */
export const agreementSchema = z.strictObject({
  $schema: z.string().optional(),
  id: keySchema,
  agreement: agreementRecordSchema,
  parties: z.array(partySchema).min(2),
  classification: classificationSchema,
  documentTypes: z.array(documentTypeSchema).min(1),
  categories: z.array(categorySchema),
  dataSubjectCategories: z.array(dataSubjectSchema),
  processingActivities: z.array(processingActivitySchema),
  rules: rulesSchema,
  meetings: z.array(meetingSchema),
  autorisatielijst: z.array(authorisationSchema).min(1),
  groups: z.array(groupSchema).min(1),
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
