/** The lists beside the exchange library: agreements register, audit log, breach register, meetings, reminders. */
import type { AgreementConfig } from '../domain/agreement/schema';
import { EVALUATION_LEAD_DAYS } from '../domain/register/dates';
import { and, anyOf, cmp, eq, orderBy, or, where } from './caml';
import {
  AGR,
  AGREEMENT_KINDS,
  AGREEMENT_STATUS,
  AUDIT,
  AUDIT_DECISIONS,
  BREACH,
  BREACH_STATUS,
  LISTS,
  MEETING,
  MEETING_STATUS,
  REMINDER,
  ACK,
  BREACH_LOG,
  BREACH_LOG_OUTCOMES,
  BREACH_LOG_STEPS,
  accounthouderColumn,
  accounthouderFunctionColumn,
  acknowledgementListTitle,
  breachLogTitle,
  reviewListTitle,
} from './names';
import { add, ownerGrants } from './permissions';
import type { FieldSpec, Grant, ListSpec } from './types';

/** Page size of register views. */
const ROWS = 30;

/** Overeenkomstenregister (art. 5, 12, 13, 14): the agreement itself, werkafspraken, DVA's, processing agreements. */
function agreementsRegister(config: AgreementConfig, g: RegisterGrants): ListSpec {
  const parties = config.parties.map((p) => p.key);
  const perParty: FieldSpec[] = config.parties.flatMap((p): FieldSpec[] => [
    {
      name: accounthouderColumn(p.key),
      kind: 'user',
      indexed: true,
      description: `Accounthouder ${p.shortName} (art. 5)`,
    },
    {
      name: accounthouderFunctionColumn(p.key),
      kind: 'text',
      defaultValue: p.accounthouder.functionTitle,
      description: `Functie accounthouder ${p.shortName} (art. 5)`,
    },
  ]);
  const mine = or(...config.parties.map((p) => cmp('Eq', accounthouderColumn(p.key), 'Integer', '<UserID/>', true)));
  return {
    key: 'agreements',
    title: LISTS.agreements,
    description:
      "Register van de samenwerkingsovereenkomst, werkafspraken (art. 11), DVA's (art. 12) en verwerkersovereenkomsten",
    template: 100,
    versioning: true,
    indexBuiltIn: ['Modified'],
    // art. 5, 13: only accounthouders (and owners) add, edit or delete register entries; everyone else reads.
    uniquePermissions: keptByAccounthouders(g),
    fields: [
      {
        name: AGR.kind,
        kind: 'choice',
        indexed: true,
        required: true,
        choices: AGREEMENT_KINDS,
        description: 'Soort overeenkomst',
      },
      { name: AGR.parties, kind: 'multichoice', choices: parties, description: 'Partijen' },
      ...perParty,
      {
        name: AGR.status,
        kind: 'choice',
        indexed: true,
        required: true,
        choices: AGREEMENT_STATUS,
        defaultValue: 'concept',
        description: 'Status (art. 13, 14)',
      },
      { name: AGR.signedOn, kind: 'datetime', description: 'Datum ondertekening' },
      { name: AGR.signedAt, kind: 'text', description: 'Plaats ondertekening' },
      { name: AGR.staatscourant, kind: 'text', description: 'Publicatie in de Staatscourant (art. 14.1)' },
      { name: AGR.publishedOn, kind: 'datetime', description: 'Datum publicatie Staatscourant (art. 14.1)' },
      { name: AGR.effectiveFrom, kind: 'datetime', indexed: true, description: 'In werking vanaf (art. 14.1)' },
      { name: AGR.evaluationDue, kind: 'datetime', indexed: true, description: 'Evaluatie uiterlijk (art. 13.2)' },
      { name: AGR.expiresOn, kind: 'datetime', indexed: true, description: 'Verloopt op (DVA jaarlijks, art. 12)' },
      { name: AGR.version, kind: 'text', description: 'Versie (art. 13.3)' },
      {
        name: AGR.supersedes,
        kind: 'lookup',
        lookupList: LISTS.agreements,
        description: 'Vervangt deze eerdere versie',
      },
      {
        name: AGR.meeting,
        kind: 'lookup',
        lookupList: LISTS.meetings,
        description: 'Bestuurlijk overleg waarin de wijziging is overeengekomen (art. 13.2)',
      },
      { name: AGR.documents, kind: 'note', description: "Gekoppelde documenten (JSON: server-relatieve URL's)" },
      { name: AGR.history, kind: 'note', description: 'Statusgeschiedenis (JSON, alleen aanvullen)' },
      { name: AGR.details, kind: 'note', description: 'Overige gegevens (JSON)' },
    ],
    views: [
      {
        title: 'Alle overeenkomsten',
        isDefault: true,
        query: orderBy(['Modified', false]),
        fields: ['LinkTitle', AGR.kind, AGR.status, AGR.version, AGR.effectiveFrom, AGR.evaluationDue],
        rowLimit: ROWS,
        firstIndexed: 'Modified',
      },
      {
        title: 'Mijn overeenkomsten',
        query: where(mine) + orderBy(['Modified', false]),
        fields: ['LinkTitle', AGR.kind, AGR.status, AGR.evaluationDue],
        rowLimit: ROWS,
        firstIndexed: accounthouderColumn(config.parties[0].key),
      },
      {
        title: 'Evaluatie nodig',
        // art. 13.2: records already 'te evalueren', and those in force whose evaluation is due within the lead days
        // (or passed), as the domain's needsEvaluation. The indexed status comes first: few records are in force.
        query:
          where(
            and(
              anyOf(AGR.status, 'Choice', ['in werking', 'te evalueren']),
              or(
                eq(AGR.status, 'Choice', 'te evalueren'),
                cmp('Leq', AGR.evaluationDue, 'DateTime', `<Today OffsetDays='${EVALUATION_LEAD_DAYS}'/>`),
              ),
            ),
          ) + orderBy([AGR.evaluationDue, true]),
        fields: ['LinkTitle', AGR.kind, AGR.status, AGR.evaluationDue],
        rowLimit: ROWS,
        firstIndexed: AGR.status,
      },
      {
        title: 'DVA verloopt',
        // art. 12: DVAs are agreed yearly; show those ending within 90 days.
        query:
          where(and(cmp('Leq', AGR.expiresOn, 'DateTime', "<Today OffsetDays='90'/>"), eq(AGR.kind, 'Choice', 'dva'))) +
          orderBy([AGR.expiresOn, true]),
        fields: ['LinkTitle', AGR.status, AGR.expiresOn],
        rowLimit: ROWS,
        firstIndexed: AGR.expiresOn,
      },
    ],
  };
}

/**
 * Who may do what on the register lists, by kind of group. Every list stops inheriting: in a Team site the Team's
 * Members group holds Edit on the web, and no list the agreement governs may take that from the web.
 */
export interface RegisterGrants {
  /** Staff of every party (members, accounthouders, autorisatielijst groups), not privacy officers. */
  staff: string[];
  /** Privacy officers of every party. */
  privacy: string[];
  /** Accounthouders (art. 5). */
  accounthouders: string[];
  /** Owners: the site's Owners group and the configuration's owner groups. */
  owners: Grant[];
}

/** The group keys per kind, from the configuration. */
export function registerGrants(config: AgreementConfig): RegisterGrants {
  const keysOf = (kinds: string[]): string[] => config.groups.filter((g) => kinds.includes(g.kind)).map((g) => g.key);
  return {
    staff: keysOf(['members', 'accounthouders', 'vertrouwelijk']),
    privacy: keysOf(['privacy']),
    accounthouders: keysOf(['accounthouders']),
    owners: ownerGrants(config),
  };
}

/**
 * An append-only record list (AVG art. 5(2), 33(5)): staff add records and read only their own (ReadSecurity 2); they
 * cannot change or delete a record, not even their own (no Edit or Delete Items). Privacy officers read every record
 * (Override List Behaviors) and add their own; `privacyRole` says whether they may also edit (decisions on a breach).
 * Nobody but owners deletes a record or a version. Author is indexed for the "own items" filter.
 */
function appendOnly(
  g: RegisterGrants,
  privacyRole: 'appendReadAll' | 'assess',
): Pick<ListSpec, 'indexBuiltIn' | 'uniquePermissions' | 'readSecurity' | 'writeSecurity'> {
  const grants: Grant[] = [...g.owners];
  for (const key of g.privacy) add(grants, { group: key, role: privacyRole });
  for (const key of g.staff) add(grants, { group: key, role: 'append' });
  return { indexBuiltIn: ['Author'], uniquePermissions: grants, readSecurity: 2, writeSecurity: 2 };
}

/** A list only accounthouders (and owners) keep; every other group reads it (art. 5, 13). */
function keptByAccounthouders(g: RegisterGrants): Grant[] {
  const grants: Grant[] = [...g.owners];
  for (const key of g.accounthouders) add(grants, { group: key, role: 'share' });
  for (const key of [...g.privacy, ...g.staff]) add(grants, { group: key, role: 'reader' });
  return grants;
}

/** Toetslog: one item per upload decision (AVG art. 5(2) accountability). Staff add; only privacy officers edit. */
function auditLog(config: AgreementConfig, g: RegisterGrants): ListSpec {
  return {
    key: 'audit',
    title: LISTS.audit,
    description: 'Toetsrecords van elke uploadbeslissing (AVG art. 5 lid 2)',
    template: 100,
    versioning: true,
    // Staff add and read only their own records; privacy officers read all; nobody edits or deletes one.
    ...appendOnly(g, 'appendReadAll'),
    fields: [
      {
        name: AUDIT.toetsId,
        kind: 'text',
        // Indexed, not unique: SharePoint does not enforce unique values in a list whose items are read by their
        // creator only (ReadSecurity 2), either way round (docs/security.md, "Toetslog"). Each ToetsId is a random
        // UUID; a retry finds its own record first (PnpAuditLog.append), and the integrity check flags duplicates.
        indexed: true,
        required: true,
        description: 'Toets-id (uniek per besluit)',
      },
      {
        name: AUDIT.at,
        kind: 'datetime',
        withTime: true,
        indexed: true,
        required: true,
        description: 'Tijdstip van het besluit',
      },
      { name: AUDIT.user, kind: 'user', indexed: true, description: 'Wie toetste' },
      {
        name: AUDIT.party,
        kind: 'choice',
        indexed: true,
        choices: config.parties.map((p) => p.key),
        description: 'Partij van de gebruiker',
      },
      { name: AUDIT.file, kind: 'text', indexed: true, description: 'Bestand' },
      { name: AUDIT.activity, kind: 'text', description: 'Verwerkingsactiviteit (doelbinding)' },
      { name: AUDIT.decision, kind: 'choice', indexed: true, choices: AUDIT_DECISIONS, description: 'Besluit' },
      { name: AUDIT.ruleVersion, kind: 'text', description: 'Versie van de regels' },
      {
        name: AUDIT.reviewOf,
        kind: 'text',
        indexed: true,
        description: 'Bij een beoordeling: de ToetsId van het toetsrecord waarover de privacy officer besliste (art. 9.2)',
      },
      {
        name: AUDIT.details,
        kind: 'note',
        description: 'Antwoorden, bevindingen (soorten en aantallen), redenen (JSON)',
      },
    ],
    views: [
      {
        title: 'Alle toetsen',
        isDefault: true,
        query: orderBy([AUDIT.at, false]),
        fields: ['LinkTitle', AUDIT.at, AUDIT.user, AUDIT.party, AUDIT.decision],
        rowLimit: ROWS,
        firstIndexed: AUDIT.at,
      },
      {
        title: 'Te beoordelen',
        query: where(eq(AUDIT.decision, 'Choice', 'review')) + orderBy([AUDIT.at, true]),
        fields: ['LinkTitle', AUDIT.at, AUDIT.user, AUDIT.party],
        rowLimit: ROWS,
        firstIndexed: AUDIT.decision,
      },
    ],
  };
}

/** Datalekregister (AVG art. 33(5)): readable only by the privacy officers and the reporter. */
function breachRegister(config: AgreementConfig, g: RegisterGrants): ListSpec {
  return {
    key: 'breaches',
    title: LISTS.breaches,
    description: 'Register van datalekken (AVG art. 33 lid 5; bijlage 2b)',
    template: 100,
    versioning: true,
    // Reporters add and see only their own reports and cannot change them; privacy officers read all and record the
    // controller's decisions (every change a kept version); nobody but owners deletes a report (AVG art. 33(5)).
    ...appendOnly(g, 'assess'),
    fields: [
      {
        name: BREACH.reportedAt,
        kind: 'datetime',
        withTime: true,
        indexed: true,
        required: true,
        description: 'Datum melding',
      },
      {
        name: BREACH.discoveredAt,
        kind: 'datetime',
        withTime: true,
        indexed: true,
        required: true,
        description: 'Ontdekt op (72-uurstermijn AVG art. 33)',
      },
      {
        name: BREACH.reportingParty,
        kind: 'choice',
        indexed: true,
        choices: config.parties.map((p) => p.key),
        description: 'Meldende partij',
      },
      {
        name: BREACH.controller,
        kind: 'choice',
        indexed: true,
        choices: config.parties.map((p) => p.key),
        description: 'Verwerkingsverantwoordelijke',
      },
      {
        name: BREACH.status,
        kind: 'choice',
        indexed: true,
        choices: BREACH_STATUS,
        defaultValue: 'gemeld aan wederpartij',
        description: 'Status',
      },
      { name: BREACH.reporter, kind: 'user', indexed: true, description: 'Melder' },
      { name: BREACH.details, kind: 'note', description: 'Formulier bijlage 2b en besluiten (JSON)' },
    ],
    views: [
      {
        title: 'Alle meldingen',
        isDefault: true,
        query: orderBy([BREACH.reportedAt, false]),
        fields: ['LinkTitle', BREACH.reportedAt, BREACH.discoveredAt, BREACH.controller, BREACH.status],
        rowLimit: ROWS,
        firstIndexed: BREACH.reportedAt,
      },
      {
        title: 'Open meldingen',
        query: where(cmp('Neq', BREACH.status, 'Choice', 'afgesloten')) + orderBy([BREACH.discoveredAt, true]),
        fields: ['LinkTitle', BREACH.discoveredAt, BREACH.controller, BREACH.status],
        rowLimit: ROWS,
        firstIndexed: BREACH.status,
      },
    ],
  };
}

/** Overleggen (art. 6, 7, 12, 13): meetings planned and held, with the verslag. */
function meetings(config: AgreementConfig, g: RegisterGrants): ListSpec {
  return {
    key: 'meetings',
    title: LISTS.meetings,
    description: 'Ambtelijk en bestuurlijk overleg, evaluatie en DVA-vernieuwing (art. 6, 7, 12, 13)',
    template: 100,
    versioning: true,
    indexBuiltIn: [],
    // The accounthouders plan the overleg and record it (art. 6, 7); everyone else reads.
    uniquePermissions: keptByAccounthouders(g),
    fields: [
      {
        name: MEETING.series,
        kind: 'choice',
        indexed: true,
        required: true,
        choices: config.meetings.map((m) => m.key),
        description: 'Overlegreeks',
      },
      { name: MEETING.date, kind: 'datetime', withTime: true, indexed: true, required: true, description: 'Datum' },
      {
        name: MEETING.status,
        kind: 'choice',
        indexed: true,
        choices: MEETING_STATUS,
        defaultValue: 'gepland',
        description: 'Status',
      },
      { name: MEETING.minutes, kind: 'url', description: 'Verslag' },
      { name: MEETING.eventId, kind: 'text', description: 'Id van de agenda-afspraak (Graph)' },
      { name: MEETING.details, kind: 'note', description: 'Deelnemers en agenda (JSON)' },
    ],
    views: [
      {
        title: 'Alle overleggen',
        isDefault: true,
        query: orderBy([MEETING.date, false]),
        fields: ['LinkTitle', MEETING.series, MEETING.date, MEETING.status, MEETING.minutes],
        rowLimit: ROWS,
        firstIndexed: MEETING.date,
      },
      {
        title: 'Gehouden',
        query: where(eq(MEETING.status, 'Choice', 'gehouden')) + orderBy([MEETING.date, false]),
        fields: ['LinkTitle', MEETING.series, MEETING.date, MEETING.minutes],
        rowLimit: ROWS,
        firstIndexed: MEETING.status,
      },
    ],
  };
}

/** Herinneringen: one item per posted reminder card; the unique key makes "post once" hold across page loads. */
function reminders(g: RegisterGrants): ListSpec {
  return {
    key: 'reminders',
    title: LISTS.reminders,
    description: 'Geplaatste herinneringskaarten (eenmaal plaatsen)',
    template: 100,
    versioning: false,
    // Anyone's dashboard may claim a reminder (and give its own claim back when posting failed): staff add, and
    // change or delete only their own claims (WriteSecurity 2); everyone reads every claim so it is posted once.
    indexBuiltIn: ['Author'],
    uniquePermissions: [...g.owners, ...[...g.privacy, ...g.staff].map((key): Grant => ({ group: key, role: 'share' }))],
    writeSecurity: 2,
    fields: [
      {
        name: REMINDER.key,
        kind: 'text',
        indexed: true,
        unique: true,
        required: true,
        description: 'Sleutel: reeks + vervaldatum + aanloop',
      },
      { name: REMINDER.postedAt, kind: 'datetime', withTime: true, indexed: true, description: 'Geplaatst op' },
      { name: REMINDER.details, kind: 'note', description: 'Kanaal en bericht-id (JSON)' },
    ],
    views: [
      {
        title: 'Alle herinneringen',
        isDefault: true,
        query: orderBy([REMINDER.postedAt, false]),
        fields: ['LinkTitle', REMINDER.key, REMINDER.postedAt],
        rowLimit: ROWS,
        firstIndexed: REMINDER.postedAt,
      },
    ],
  };
}

/**
 * Datalekverloop-<partij>: what happened after a breach report of that party was stored (the mail to the other party,
 * the card to the privacy officers, the phone calls of annex 2), one record per event. Append-only like the register
 * itself, so the delivery of a report is derived from records nobody can rewrite; one list per party, because
 * SharePoint lets anyone who adds write Author and Created, so only the list's permissions keep another party from
 * marking a notification of this party sent.
 */
function breachLog(config: AgreementConfig, g: RegisterGrants, partyKey: string): ListSpec {
  // The party's own people add and read their own steps; its privacy officers read all and add (the full card); the
  // other parties' privacy officers read all and add nothing; nobody changes or deletes a step.
  const grants: Grant[] = [...g.owners];
  for (const group of config.groups) {
    if (group.kind === 'owners') continue;
    if (group.kind === 'privacy') add(grants, { group: group.key, role: group.party === partyKey ? 'appendReadAll' : 'readAll' });
    else if (group.party === partyKey) add(grants, { group: group.key, role: 'append' });
  }
  const party = config.parties.find((p) => p.key === partyKey);
  return {
    key: `breachLog-${partyKey}`,
    title: breachLogTitle(partyKey),
    description: `Verloop van de datalekmeldingen van ${party?.shortName ?? partyKey}: verzending en procedure (bijlage 2; AVG art. 33 lid 5)`,
    template: 100,
    versioning: true,
    indexBuiltIn: ['Author'],
    uniquePermissions: grants,
    readSecurity: 2,
    writeSecurity: 2,
    fields: [
      { name: BREACH_LOG.report, kind: 'number', indexed: true, required: true, description: 'Id van de melding' },
      {
        name: BREACH_LOG.step,
        kind: 'choice',
        indexed: true,
        required: true,
        choices: BREACH_LOG_STEPS,
        description: 'Stap (bijlage 2)',
      },
      { name: BREACH_LOG.outcome, kind: 'choice', choices: BREACH_LOG_OUTCOMES, description: 'Uitkomst' },
      { name: BREACH_LOG.details, kind: 'note', description: 'Kenmerk, melding, kanaal (JSON)' },
    ],
    views: [
      {
        title: 'Alle stappen',
        isDefault: true,
        query: orderBy([BREACH_LOG.report, false]),
        fields: ['LinkTitle', BREACH_LOG.report, BREACH_LOG.step, BREACH_LOG.outcome, 'Author', 'Created'],
        rowLimit: ROWS,
        firstIndexed: BREACH_LOG.report,
      },
    ],
  };
}

/**
 * Bevestigingen-<partij>: an accounthouder confirms having seen a version of the agreement configuration (art. 13.3:
 * changes are agreed in writing). One list per party, to which only that party's own groups add (the accounthouders
 * group belongs to no party, so it cannot draw this line): no party acknowledges for another. Within the party, only a
 * record whose Author is an accounthouder counts; nobody changes or deletes one; everyone reads.
 */
function acknowledgements(config: AgreementConfig, g: RegisterGrants, partyKey: string): ListSpec {
  const grants: Grant[] = [...g.owners];
  for (const group of config.groups)
    if (group.party === partyKey && group.kind !== 'owners') add(grants, { group: group.key, role: 'append' });
  for (const key of [...g.privacy, ...g.staff]) add(grants, { group: key, role: 'reader' });
  const party = config.parties.find((p) => p.key === partyKey);
  return {
    key: `acknowledgements-${partyKey}`,
    title: acknowledgementListTitle(partyKey),
    description: `Kennisname van een gewijzigde configuratie door de accounthouder van ${party?.shortName ?? partyKey} (art. 13.3)`,
    template: 100,
    versioning: true,
    indexBuiltIn: ['Author'],
    uniquePermissions: grants,
    fields: [
      { name: ACK.key, kind: 'text', indexed: true, required: true, description: 'Vingerafdruk van de configuratie' },
      {
        name: ACK.party,
        kind: 'choice',
        indexed: true,
        choices: config.parties.map((p) => p.key),
        description: 'Partij van de accounthouder',
      },
      { name: ACK.details, kind: 'note', description: 'Versie, wijziger en gewijzigde velden (JSON)' },
    ],
    views: [
      {
        title: 'Alle bevestigingen',
        isDefault: true,
        query: orderBy([ACK.key, false]),
        fields: ['LinkTitle', ACK.party, 'Author', 'Created'],
        rowLimit: ROWS,
        firstIndexed: ACK.key,
      },
    ],
  };
}

/**
 * Beoordelingen-<partij> (art. 9.2): the privacy officers' decisions on the party's files in review, one record per
 * decision, next to (not in) the Toetslog. Only that party's privacy officers add; nobody edits or deletes a record;
 * the other parties' privacy officers read, so each can check that a file it receives was approved by the sharing
 * party (the integrity check). Staff have no grant: SharePoint lets Author and Created be written through form-value
 * calls by anyone who may add, so only the list's permissions prove who decided.
 */
function reviewList(config: AgreementConfig, g: RegisterGrants, partyKey: string): ListSpec {
  const grants: Grant[] = [...g.owners];
  for (const group of config.groups)
    if (group.kind === 'privacy') add(grants, { group: group.key, role: group.party === partyKey ? 'append' : 'reader' });
  const party = config.parties.find((p) => p.key === partyKey);
  return {
    key: `reviews-${partyKey}`,
    title: reviewListTitle(partyKey),
    description: `Besluiten van de privacy officer van ${party?.shortName ?? partyKey} over stukken in review (art. 9.2)`,
    template: 100,
    versioning: true,
    indexBuiltIn: ['Author'],
    uniquePermissions: grants,
    fields: [
      { name: AUDIT.toetsId, kind: 'text', indexed: true, required: true, description: 'Toets-id van dit besluit' },
      {
        name: AUDIT.reviewOf,
        kind: 'text',
        indexed: true,
        required: true,
        description: 'ToetsId van het toetsrecord waarover beslist is',
      },
      { name: AUDIT.at, kind: 'datetime', withTime: true, indexed: true, required: true, description: 'Tijdstip' },
      { name: AUDIT.user, kind: 'user', description: 'Privacy officer' },
      {
        name: AUDIT.party,
        kind: 'choice',
        choices: config.parties.map((p) => p.key),
        description: 'Partij van het stuk',
      },
      { name: AUDIT.file, kind: 'text', indexed: true, description: 'Bestand' },
      { name: AUDIT.activity, kind: 'text', description: 'Verwerkingsactiviteit (doelbinding)' },
      {
        name: AUDIT.decision,
        kind: 'choice',
        indexed: true,
        choices: AUDIT_DECISIONS.filter((d) => d === 'goedgekeurd' || d === 'afgewezen'),
        description: 'Besluit',
      },
      { name: AUDIT.ruleVersion, kind: 'text', description: 'Versie van de regels' },
      { name: AUDIT.details, kind: 'note', description: 'Notitie, redenen, bevindingen (soorten en aantallen) (JSON)' },
    ],
    views: [
      {
        title: 'Alle besluiten',
        isDefault: true,
        query: orderBy([AUDIT.at, false]),
        fields: ['LinkTitle', AUDIT.at, AUDIT.decision, AUDIT.file, 'Author'],
        rowLimit: ROWS,
        firstIndexed: AUDIT.at,
      },
    ],
  };
}

/** All register lists, in creation order (lookups need their target first: Overleggen before the register). */
export function registerLists(config: AgreementConfig): ListSpec[] {
  const g = registerGrants(config);
  return [
    meetings(config, g),
    agreementsRegister(config, g),
    auditLog(config, g),
    breachRegister(config, g),
    ...config.parties.map((p) => breachLog(config, g, p.key)),
    reminders(g),
    ...config.parties.map((p) => reviewList(config, g, p.key)),
    ...config.parties.map((p) => acknowledgements(config, g, p.key)),
  ];
}
