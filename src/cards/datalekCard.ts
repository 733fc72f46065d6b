/**
 * The datalek's Adaptive Card for the privacy officers' channel (bijlage 2): key facts, the 72-hour deadline of the
 * controller (AVG art. 33(1)) and a link to the report. User text enters only through template data and TextRuns.
 */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { Lang } from '../domain/common/types';
import {
  ANSWER_LABELS,
  SCALE_LABELS,
  STATUS_LABELS,
  deadline72h,
  fieldInfo,
  formatAmsterdam,
  formatIsoDate,
  formatRemaining,
  type DatalekReport,
} from '../domain/datalek';
import { expandCardTemplate } from './expand';
import { assertCardFits } from './size';
import template from './templates/datalek.json';
import { checkLink, escapeMarkdown, plainText } from './text';
import { partyLabel } from '../domain/agreement/queries';

/** An Adaptive Card as JSON (the ChannelPoster port's `AdaptiveCardJson`). */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

/** Free text in a card is shortened to this; the full text stays in the register behind the link. */
export const CARD_TEXT_MAX = 600;

/** Options of {@link buildDatalekCard}. */
export interface DatalekCardOptions {
  /** Clock for the time left; defaults to now. */
  now?: Date;
  lang?: Lang;
  /**
   * The card's own id (the outbox's tracking key), set as the `id` of its first element (every Adaptive Card element
   * may carry an `id`), so the card can be found again among the channel's messages after a lost answer.
   */
  cardId?: string;
}

/** Puts `cardId` on the card's first body element; the card is otherwise unchanged. */
function withCardId(card: AdaptiveCardJson, cardId: string | undefined): AdaptiveCardJson {
  const body = card.body;
  if (!cardId || !Array.isArray(body) || body.length === 0) return card;
  const [first, ...rest] = body as Array<Record<string, unknown>>;
  return { ...card, body: [{ ...first, id: cardId }, ...rest] };
}

/** The controller's 72-hour deadline (AVG art. 33(1)) as a card line, with the time left. */
function deadlineLine(
  report: DatalekReport,
  config: AgreementConfig,
  now: Date,
  lang: Lang,
): { deadline: ReturnType<typeof deadline72h> | undefined; text: string } {
  const en = lang === 'en';
  const deadline = report.discoveredAt ? deadline72h(report.discoveredAt, now) : undefined;
  const text = deadline
    ? `${en ? 'AP deadline for' : 'Termijn AP voor'} ${partyLabel(config, report.controllerParty)} (72 ${en ? 'h' : 'uur'}, ${en ? 'GDPR' : 'AVG'} art. 33): ${formatAmsterdam(new Date(deadline.dueAt), lang)} – ${formatRemaining(deadline, lang)}`
    : en
      ? 'Discovery time unknown: the 72-hour clock cannot be shown'
      : 'Moment van ontdekken onbekend: de 72-uurstermijn is niet te tonen';
  return { deadline, text };
}

/**
 * The card's subtitle: who reports to whom ("IGJ → CIBG"). When the reporting party is also the controller of the
 * document (it reports on its own document), or no document and so no controller is known yet, an arrow would point
 * nowhere ("NZa → NZa", "IGJ → "): the subtitle then says who reports, and on whose document.
 */
function subtitleOf(
  report: Pick<DatalekReport, 'reportingParty' | 'controllerParty'>,
  party: (key: string) => string,
  en: boolean,
): string {
  const annex = en ? 'annex 2b' : 'bijlage 2b';
  const controller = report.controllerParty?.trim() ?? '';
  if (controller === '') return `${en ? 'Reported by' : 'Gemeld door'} ${party(report.reportingParty)} · ${annex}`;
  if (controller === report.reportingParty)
    return `${party(report.reportingParty)} · ${en ? 'own document' : 'eigen document'} · ${annex}`;
  return `${party(report.reportingParty)} → ${party(controller)} · ${annex}`;
}

/** Builds the breach card; throws when the link is not http(s) or the card would exceed the channel's size limit. */
export function buildDatalekCard(
  report: DatalekReport,
  config: AgreementConfig,
  link: string,
  options: DatalekCardOptions = {},
): AdaptiveCardJson {
  const lang = options.lang ?? 'nl';
  const en = lang === 'en';
  const now = options.now ?? new Date();
  const party = (key: string): string => partyLabel(config, key);
  const label = (key: keyof DatalekReport): string => fieldInfo(key)?.label[lang] ?? String(key);
  const shortened = en ? '(shortened; full text in the report)' : '(ingekort; volledige tekst in de melding)';
  const { deadline, text: deadlineText } = deadlineLine(report, config, now, lang);
  const n = (v: number | null): string => (v === null ? ANSWER_LABELS.onbekend[lang] : String(v));
  const facts: Array<[string, string]> = [
    [label('reportingOrganisation'), report.reportingOrganisation],
    [
      label('controllerParty'),
      config.parties.find((p) => p.key === report.controllerParty)?.name ?? report.controllerParty,
    ],
    [label('reportedAt'), report.reportedAt ? formatAmsterdam(new Date(report.reportedAt), lang) : ''],
    [
      label('breachDate'),
      report.breachDate
        ? formatIsoDate(report.breachDate, lang) +
          (report.breachDatePresumed ? (en ? ' (presumed)' : ' (vermoedelijk)') : '')
        : '',
    ],
    [label('discoveredAt'), report.discoveredAt ? formatAmsterdam(new Date(report.discoveredAt), lang) : ''],
    [SCALE_LABELS.dataSubjects[lang], n(report.scaleDataSubjects)],
    [SCALE_LABELS.files[lang], n(report.scaleFiles)],
    [label('ongoing'), ANSWER_LABELS[report.ongoing]?.[lang] ?? report.ongoing],
    [en ? 'Status' : 'Status', STATUS_LABELS[report.status]?.[lang] ?? report.status],
  ];
  const contact = [report.contactName, report.contactFunction, report.contactPhone, report.contactEmail]
    .filter(Boolean)
    .join(' · ');
  const sections: Array<[string, string]> = [
    [en ? 'Contact of the reporting party' : 'Contactpersoon meldende partij', contact],
    [label('description'), report.description],
    [label('affectedPersonalData'), report.affectedPersonalData],
    [label('affectedDataSubjects'), report.affectedDataSubjects],
    [label('consequences'), report.consequences],
    [label('measures'), report.measures],
  ];
  const data = {
    title: escapeMarkdown(en ? 'Notification (possible) data breach' : 'Melding (mogelijk) datalek'),
    subtitle: escapeMarkdown(subtitleOf(report, party, en)),
    deadline: escapeMarkdown(deadlineText),
    deadlineColor: !deadline || deadline.overdue || deadline.remainingMs < 24 * 3_600_000 ? 'Attention' : 'Warning',
    facts: facts.map(([l, v]) => ({ label: escapeMarkdown(l), value: escapeMarkdown(v || '–') })),
    sections: sections.map(([l, t]) => ({
      label: escapeMarkdown(l),
      text: plainText(t || '–', CARD_TEXT_MAX, shortened),
    })),
    link: checkLink(link),
    linkTitle: en ? 'Open the report' : 'Melding openen',
  };
  // Not adaptivecards-templating at run time: it throws in browsers (see ./expand); same output, checked in the tests.
  const card = withCardId(expandCardTemplate<AdaptiveCardJson>(template, data), options.cardId);
  assertCardFits(card);
  return card;
}

/**
 * The card without personal data (art. 9.6, annex 2): who reports, which party is controller, when it was reported and
 * discovered, the 72-hour deadline and the link to the report, which only privacy officers and the reporter can open.
 * Posted where the full card may not go: a channel that is not private to the privacy officers, or one that could not
 * be checked. `reason` says why, so the readers know where to look.
 */
export function buildDatalekNoticeCard(
  report: DatalekReport,
  config: AgreementConfig,
  link: string,
  reason: string,
  options: DatalekCardOptions = {},
): AdaptiveCardJson {
  const lang = options.lang ?? 'nl';
  const en = lang === 'en';
  const now = options.now ?? new Date();
  const party = (key: string): string => partyLabel(config, key);
  const label = (key: keyof DatalekReport): string => fieldInfo(key)?.label[lang] ?? String(key);
  const deadlineText = deadlineLine(report, config, now, lang).text;
  const facts: Array<[string, string]> = [
    [label('reportingOrganisation'), party(report.reportingParty)],
    [label('controllerParty'), party(report.controllerParty)],
    [label('reportedAt'), report.reportedAt ? formatAmsterdam(new Date(report.reportedAt), lang) : ''],
    [label('discoveredAt'), report.discoveredAt ? formatAmsterdam(new Date(report.discoveredAt), lang) : ''],
  ];
  const data = {
    title: escapeMarkdown(en ? 'New (possible) data breach report' : 'Nieuwe melding (mogelijk) datalek'),
    subtitle: escapeMarkdown(
      en
        ? 'Privacy officers: open the report in the breach register. This card holds no personal data.'
        : 'Privacy officers: open de melding in het Datalekregister. Deze kaart bevat geen persoonsgegevens.',
    ),
    deadline: escapeMarkdown(deadlineText),
    deadlineColor: 'Attention',
    facts: facts.map(([l, v]) => ({ label: escapeMarkdown(l), value: escapeMarkdown(v || '–') })),
    sections: [
      {
        label: escapeMarkdown(en ? 'Why without details' : 'Waarom zonder inhoud'),
        text: plainText(reason, CARD_TEXT_MAX, ''),
      },
    ],
    link: checkLink(link),
    linkTitle: en ? 'Open the report' : 'Melding openen',
  };
  const card = withCardId(expandCardTemplate<AdaptiveCardJson>(template, data), options.cardId);
  assertCardFits(card);
  return card;
}
