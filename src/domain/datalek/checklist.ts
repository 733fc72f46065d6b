/**
 * The reporter's checklist for the rest of the procedure (bijlage 2): mail the form to the 1st and 2nd contact, phone
 * one of them, confirm the call in writing ("Communicatie"). Phone numbers come from configuration (bijlage 2a).
 */
import type { AgreementConfig } from '../agreement/schema';
import type { Citation, Lang } from '../common/types';
import { breachContacts, partiesToInform } from './recipients';
import type { DatalekReport } from './types';

/** One step of the procedure. */
export interface ChecklistStep {
  key: 'formMailed' | 'phoned' | 'callConfirmed';
  done: boolean;
  /** When it was done (ISO date-time). */
  doneAt?: string;
  text: string;
  article: Citation;
  /** Whom to phone, for the phone step. */
  phoneNumbers?: Array<{ party: string; order: 1 | 2; name: string; phone: string }>;
}

/** The steps of bijlage 2 with their state for this report. */
export function procedureChecklist(report: DatalekReport, config: AgreementConfig, lang: Lang): ChecklistStep[] {
  const en = lang === 'en';
  const p = report.procedure;
  const phoneNumbers = partiesToInform(report, config).flatMap((party) =>
    breachContacts(party).map((c) => ({ party: party.shortName, order: c.order, name: c.name, phone: c.phone })),
  );
  return [
    {
      key: 'formMailed',
      done: Boolean(p.formMailedAt),
      ...(p.formMailedAt ? { doneAt: p.formMailedAt } : {}),
      text: en
        ? 'Mail the notification form to the breach address and the 1st and 2nd contact'
        : 'Meldingsformulier mailen aan het datalekadres en de 1e en 2e contactpersoon',
      article: 'bijlage 2, stap 1; art. 9.6',
    },
    {
      key: 'phoned',
      done: Boolean(p.phonedAt),
      ...(p.phonedAt ? { doneAt: p.phonedAt } : {}),
      text: en
        ? 'Phone the 1st or 2nd contact to discuss the notification'
        : 'De 1e of 2e contactpersoon bellen om de melding te bespreken',
      article: 'bijlage 2, stap 2',
      phoneNumbers,
    },
    {
      key: 'callConfirmed',
      done: Boolean(p.callConfirmedAt),
      ...(p.callConfirmedAt ? { doneAt: p.callConfirmedAt } : {}),
      text: en
        ? 'Confirm in writing what was discussed and agreed on the phone'
        : 'Het besprokene en de gemaakte afspraken schriftelijk bevestigen',
      article: 'bijlage 2, Communicatie',
    },
  ];
}
