/**
 * Pre-fills the datalek form: reporter from Graph /me, affected data and controller from the selected documents'
 * processing activities, the other party's breach address and contacts from configuration, art. 9.6 and bijlage 2a).
 */
import type { AgreementConfig, Contact } from '../agreement/schema';
import { breachContacts, partiesToInform, recipientsFor, type DatalekRecipient } from './recipients';
import { partyForEmail } from '../agreement/queries';
import type { DatalekDocumentRef, DatalekReport } from './types';

/** The signed-in user as Graph `/me` returns it (only the fields used). */
export interface DatalekReporter {
  displayName?: string | null;
  jobTitle?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
}

/** A selected document: its processing activity and recorded categories (id/name/url when known). */
export interface PrefillDocument {
  activityKey: string;
  categories?: string[];
  id?: string;
  name?: string;
  url?: string;
}

/** Input of {@link prefillDatalek}. */
export interface PrefillInput {
  me: DatalekReporter;
  /** The reporter's party key; derived from the e-mail domain when absent. */
  myParty?: string;
  config: AgreementConfig;
  documents: PrefillDocument[];
  now: Date;
}

/** A pre-fill note the form shows (e.g. documents with different controllers). */
export interface PrefillNote {
  code: 'unknown_party' | 'unknown_activity' | 'multiple_controllers' | 'no_documents';
  nl: string;
  en: string;
}

/** What the form opens with: a draft with every field present, who gets the mail, who to phone. */
export interface DatalekPrefill {
  draft: DatalekReport;
  recipients: DatalekRecipient[];
  /** The parties informed, each with breach address and 1st/2nd contact (phone numbers for step 2). */
  inform: Array<{ party: string; name: string; breachAddress: string; contacts: Contact[] }>;
  notes: PrefillNote[];
}

/** Builds the pre-filled draft; fields the reporter must fill (dates of breach and discovery, descriptions) stay empty. */
export function prefillDatalek({ me, myParty, config, documents, now }: PrefillInput): DatalekPrefill {
  const notes: PrefillNote[] = [];
  const email = (me.mail ?? me.userPrincipalName ?? '').trim();
  const party = (myParty ? config.parties.find((p) => p.key === myParty) : undefined) ?? partyForEmail(config, email);
  if (!party)
    notes.push({
      code: 'unknown_party',
      nl: 'uw account hoort bij geen partij van de overeenkomst; kies de meldende partij',
      en: 'your account belongs to no party of the agreement; choose the reporting party',
    });
  const activities = documents.map((d) => ({
    doc: d,
    activity: config.processingActivities.find((a) => a.key === d.activityKey),
  }));
  for (const { doc, activity } of activities)
    if (!activity)
      notes.push({
        code: 'unknown_activity',
        nl: `verwerking '${doc.activityKey}' staat niet in het register (bijlage 1)`,
        en: `processing activity '${doc.activityKey}' is not in the register (annex 1)`,
      });
  const known = activities.flatMap((x) => (x.activity ? [{ doc: x.doc, activity: x.activity }] : []));
  if (documents.length === 0)
    notes.push({
      code: 'no_documents',
      nl: 'geen document gekozen: vul de getroffen gegevens zelf in',
      en: 'no document selected: fill in the affected data yourself',
    });

  const controllers = unique(known.map((k) => k.activity.controller));
  if (controllers.length > 1)
    notes.push({
      code: 'multiple_controllers',
      nl: `de documenten hebben verschillende verwerkingsverantwoordelijken (${controllers.join(', ')}); meld per verantwoordelijke`,
      en: `the documents have different controllers (${controllers.join(', ')}); report per controller`,
    });
  // seed 003 art. 8.2: the controller of the affected data decides; prefer one that is not the reporter.
  const others = config.parties.filter((p) => p.key !== party?.key);
  const controllerParty =
    controllers.find((k) => k !== party?.key) ?? controllers[0] ?? (others.length === 1 ? others[0].key : '');

  const categoryKeys = unique(
    known.flatMap((k) => (k.doc.categories?.length ? k.doc.categories : k.activity.categories)),
  );
  const subjectKeys = unique(known.flatMap((k) => k.activity.dataSubjects));
  const refs: DatalekDocumentRef[] = documents.map((d) => ({
    id: d.id ?? '',
    name: d.name ?? '',
    url: d.url ?? '',
    activityKey: d.activityKey,
    categories: d.categories ?? [],
  }));
  const draft: DatalekReport = {
    reportingParty: party?.key ?? '',
    reportingOrganisation: party?.name ?? '',
    contactName: (me.displayName ?? '').trim(),
    contactFunction: (me.jobTitle ?? '').trim(),
    contactPhone: (me.businessPhones?.find((p) => p.trim()) ?? me.mobilePhone ?? '').trim(),
    contactEmail: email,
    reportedAt: now.toISOString(),
    breachDate: '',
    breachDatePresumed: true,
    description: '',
    affectedPersonalData: describeCategories(categoryKeys, config),
    affectedDataSubjects: describeSubjects(subjectKeys, config),
    scaleDataSubjects: null,
    scaleFiles: documents.length > 0 ? documents.length : null,
    scaleDescription: '',
    consequences: '',
    measures: '',
    discoveredAt: '',
    ongoing: 'onbekend',
    measuresBefore: '',
    dataSubjectsInformed: 'onbekend',
    crossBorder: 'nee',
    crossBorderDetails: '',
    controllerParty,
    documents: refs,
    procedure: {},
    status: 'gemeld aan wederpartij',
  };
  const inform = partiesToInform(draft, config).map((p) => ({
    party: p.key,
    name: p.name,
    breachAddress: p.breachAddress,
    contacts: breachContacts(p),
  }));
  return { draft, recipients: recipientsFor(draft, config), inform, notes };
}

/** Category labels, special categories marked (AVG art. 9/10, BSN). */
function describeCategories(keys: string[], config: AgreementConfig): string {
  return keys
    .map((key) => {
      const cat = config.categories.find((c) => c.key === key);
      if (!cat) return key;
      const flags = [
        cat.special ? 'bijzonder persoonsgegeven (AVG art. 9)' : '',
        cat.criminal ? 'strafrechtelijk gegeven (AVG art. 10)' : '',
        cat.bsn ? 'BSN' : '',
        cat.children ? 'gegevens van kinderen' : '',
      ].filter(Boolean);
      return flags.length ? `${cat.label} (${flags.join(', ')})` : cat.label;
    })
    .join('; ');
}

/** Data-subject category labels. */
function describeSubjects(keys: string[], config: AgreementConfig): string {
  return keys.map((key) => config.dataSubjectCategories.find((s) => s.key === key)?.label ?? key).join('; ');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
