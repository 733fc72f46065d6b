/**
 * Internal names of the lists and columns the provisioning schema creates and the SharePoint adapters read.
 * One place, so a column renamed here is renamed for schema, views and adapters together.
 */
import { REGISTER_KINDS, REGISTER_STATUSES } from '../domain/register/types';

/** Review state of a document in the exchange library (toetsstatus); the default catches native uploads. */
export const TOETSSTATUS = ['Te classificeren', 'Toegestaan', 'In review', 'Afgewezen', 'Onvolledig'] as const;
/** One of {@link TOETSSTATUS}. */
export type ToetsstatusValue = (typeof TOETSSTATUS)[number];

/** The site's own Owners group (a pseudo group key): site owners administer every governed container. */
export const SITE_OWNERS = '$owners';
/** The site's own Members group: in a Team site every Team member is in it, holding Edit on the web. */
export const SITE_MEMBERS = '$members';
/** The site's own Visitors group. */
export const SITE_VISITORS = '$visitors';

/** Site content type "Uitwisselingsdocument": Document (0x0101) + '00' + a fixed GUID, the same in every tenant. */
export const EXCHANGE_CONTENT_TYPE_ID = '0x0101003E5B7C2A9D4F4E1B8C6A0D2F7E91B4C3';

/** Columns of the exchange library (uitwisselingsbibliotheek). */
export const DOC = {
  documentType: 'Documenttype',
  classification: 'Classificatie',
  toetsstatus: 'Toetsstatus',
  activity: 'DoelbindingActiviteit',
  categories: 'Categorieen',
  party: 'Partij',
  recipients: 'Ontvangers',
  year: 'Jaar',
  retainUntil: 'BewaarTot',
  confidential: 'Vertrouwelijk',
  uploader: 'Uploader',
  toetsId: 'ToetsId',
  reviewNote: 'Beoordeling',
} as const;

/** Titles of the lists beside the exchange library. */
export const LISTS = {
  agreements: 'Overeenkomstenregister',
  audit: 'Toetslog',
  breaches: 'Datalekregister',
  meetings: 'Overleggen',
  reminders: 'Herinneringen',
  acknowledgements: 'Bevestigingen',
} as const;

/**
 * A party's review list (art. 9.2): the privacy officers' decisions on that party's files in review. Only that party's
 * privacy officers add to it, so SharePoint's permissions, not a column anyone could write, prove who decided.
 */
export function reviewListTitle(partyKey: string): string {
  return `Beoordelingen-${partyKey}`;
}

/**
 * A party's breach course (annex 2; AVG art. 33(5)): the delivery and procedure steps of the reports its people file.
 * Only that party's groups add to it, so no other party can mark one of its notifications sent.
 */
export function breachLogTitle(partyKey: string): string {
  return `Datalekverloop-${partyKey}`;
}

/**
 * A party's acknowledgements (art. 13.3): its accounthouder confirms having seen a version of the configuration. Only
 * that party's groups add to it, so no party acknowledges for another.
 */
export function acknowledgementListTitle(partyKey: string): string {
  return `Bevestigingen-${partyKey}`;
}

/** Columns of the Overeenkomstenregister (art. 5, 13, 14). Per-party accounthouder columns are built by {@link accounthouderColumn}. */
export const AGR = {
  kind: 'Overeenkomsttype',
  parties: 'Partijen',
  status: 'Overeenkomststatus',
  signedOn: 'Ondertekenddatum',
  signedAt: 'Ondertekendplaats',
  staatscourant: 'Staatscourant',
  publishedOn: 'Publicatiedatum',
  effectiveFrom: 'Inwerkingtreding',
  evaluationDue: 'EvaluatieVoor',
  expiresOn: 'VerlooptOp',
  version: 'Versie',
  supersedes: 'Vervangt',
  documents: 'GekoppeldeDocumenten',
  meeting: 'BestuurlijkOverleg',
  history: 'Statusgeschiedenis',
  details: 'Gegevens',
} as const;

/** Status of an agreement record: the domain's {@link REGISTER_STATUSES}, the status column's choices. */
export const AGREEMENT_STATUS = REGISTER_STATUSES;

/** Kinds of record the Overeenkomstenregister keeps: the domain's {@link REGISTER_KINDS}, the kind column's choices. */
export const AGREEMENT_KINDS = REGISTER_KINDS;

/** Internal name of the accounthouder person column for one party, e.g. `Accounthouder_igj` (art. 5). */
export function accounthouderColumn(partyKey: string): string {
  return `Accounthouder_${partyKey.replace(/[^a-z0-9]/g, '_')}`;
}

/** Internal name of the accounthouder function-title column for one party (art. 5: named by function title). */
export function accounthouderFunctionColumn(partyKey: string): string {
  return `AccounthouderFunctie_${partyKey.replace(/[^a-z0-9]/g, '_')}`;
}

/** Columns of the Toetslog (audit record per upload decision, AVG art. 5(2)). */
export const AUDIT = {
  toetsId: 'ToetsId',
  at: 'Tijdstip',
  user: 'Gebruiker',
  party: 'Partij',
  file: 'Bestand',
  activity: 'DoelbindingActiviteit',
  decision: 'Besluit',
  ruleVersion: 'Regelversie',
  reviewOf: 'Betreft',
  details: 'Gegevens',
} as const;

/** Decisions recorded in the Toetslog. */
export const AUDIT_DECISIONS = ['toegestaan', 'review', 'geweigerd', 'goedgekeurd', 'afgewezen'] as const;

/** Columns of the Datalekregister (AVG art. 33(5)). */
export const BREACH = {
  reportedAt: 'Meldingsdatum',
  discoveredAt: 'OntdektOp',
  reportingParty: 'MeldendePartij',
  controller: 'Verwerkingsverantwoordelijke',
  status: 'Datalekstatus',
  reporter: 'Melder',
  details: 'Gegevens',
} as const;

/** Status of a breach report in the Datalekregister. */
export const BREACH_STATUS = [
  'gemeld aan wederpartij',
  'beoordeeld',
  'gemeld aan AP',
  'betrokkenen geïnformeerd',
  'afgesloten',
] as const;

/** Columns of the Datalekverloop: one append-only record per delivery or procedure step of a report (annex 2). */
export const BREACH_LOG = {
  report: 'MeldingId',
  step: 'Stap',
  outcome: 'Uitkomst',
  details: 'Gegevens',
} as const;

/** Steps recorded in the Datalekverloop: the mail and card after storing (annex 2), the phone call and its confirmation. */
export const BREACH_LOG_STEPS = ['mail', 'card', 'phoned', 'callConfirmed'] as const;

/** Outcomes of a delivery step ('done' for a procedure step). */
export const BREACH_LOG_OUTCOMES = ['sending', 'sent', 'failed', 'uncertain', 'done'] as const;

/** Columns of the Bevestigingen list: an accounthouder's acknowledgement of a configuration version (art. 13.3). */
export const ACK = {
  key: 'Sleutel',
  party: 'Partij',
  details: 'Gegevens',
} as const;

/** Columns of the Overleggen list (art. 6, 7, 12, 13). */
export const MEETING = {
  series: 'Overlegreeks',
  date: 'Overlegdatum',
  status: 'Overlegstatus',
  minutes: 'Verslag',
  eventId: 'AgendaItemId',
  details: 'Gegevens',
} as const;

/** Status of a meeting. */
export const MEETING_STATUS = ['gepland', 'gehouden', 'geannuleerd'] as const;

/** Columns of the Herinneringen list: one item per posted reminder card, unique key so it is posted once. */
export const REMINDER = {
  key: 'Herinneringssleutel',
  postedAt: 'GeplaatstOp',
  details: 'Gegevens',
} as const;

/** Where the runtime agreement configuration lives in the site (read through the ConfigStore port). */
/**
 * Where the configuration lives: a library of its own, never Site Assets. In a Team site every member holds Edit on the
 * web and so Manage Lists on every list that inherits from it; Site Assets inherits (Teams keeps the channel notebook
 * and page images there, so it must stay writable for members), and a member could delete it and put a forged
 * configuration in a fresh one. This library stops inheriting from its creation: only owners write or delete it.
 */
export const CONFIG_FILE = { library: 'Configuratie', folder: 'Samenwerkingsruimte', name: 'agreement.json' } as const;
/** Where configurations of earlier versions lived; no longer read (docs/provisioning.md, "Upgrade"). */
export const LEGACY_CONFIG_PATH = 'SiteAssets/Samenwerkingsruimte/agreement.json';

/** The ListView Command Set "Toets" bound to the exchange library. */
export const COMMAND_SET_ID = '62a9b070-7b05-4a56-bf0e-7aeaaac6a725';
