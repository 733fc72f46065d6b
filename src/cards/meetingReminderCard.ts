/** The reminder card for the Team's channel when an overleg is due within its lead time or overdue. */
import type { AgreementConfig } from '../domain/agreement/schema';
import type { Lang } from '../domain/common/types';
import { formatIsoDate } from '../domain/datalek';
import type { ScheduleItem } from '../domain/overleg';
import type { AdaptiveCardJson } from './datalekCard';
import { expandCardTemplate } from './expand';
import { assertCardFits } from './size';
import template from './templates/meeting-reminder.json';
import { checkLink, escapeMarkdown, plainText } from './text';
import { partyLabel } from '../domain/agreement/queries';

const KIND_LABELS: Record<ScheduleItem['kind'], { nl: string; en: string }> = {
  ambtelijk: { nl: 'Ambtelijk overleg', en: 'Civil-service meeting' },
  bestuurlijk: { nl: 'Bestuurlijk overleg', en: 'Executive meeting' },
  evaluatie: { nl: 'Evaluatie van de overeenkomst', en: 'Evaluation of the agreement' },
  'dva-vernieuwing': { nl: "Vernieuwing DVA's", en: 'DVA renewal' },
};

/** Builds the reminder card of one schedule item; throws on a non-http(s) link or an oversized card. */
export function buildMeetingReminderCard(
  item: ScheduleItem,
  config: AgreementConfig,
  link: string,
  options: { lang?: Lang } = {},
): AdaptiveCardJson {
  const lang = options.lang ?? 'nl';
  const en = lang === 'en';
  const meeting = config.meetings.find((m) => m.key === item.meetingKey);
  const days = Math.abs(item.daysUntilDue);
  const statusLine =
    item.status === 'overdue'
      ? en
        ? `Overdue by ${days} days: due ${formatIsoDate(item.nextDue, lang)} (${item.source})`
        : `${days} dagen over tijd: uiterlijk ${formatIsoDate(item.nextDue, lang)} (${item.source})`
      : en
        ? `Due in ${days} days: on ${formatIsoDate(item.nextDue, lang)} at the latest (${item.source})`
        : `Over ${days} dagen: uiterlijk ${formatIsoDate(item.nextDue, lang)} (${item.source})`;
  const facts: Array<[string, string]> = [
    [en ? 'Meeting' : 'Overleg', KIND_LABELS[item.kind][lang]],
    [en ? 'Due' : 'Uiterlijk', formatIsoDate(item.nextDue, lang)],
    [
      en ? 'Last held' : 'Laatst gehouden',
      item.lastHeld ? formatIsoDate(item.lastHeld, lang) : en ? 'never' : 'nog niet',
    ],
    [en ? 'Rule' : 'Afspraak', item.source],
    ...(item.movedReason
      ? [[en ? 'Moved earlier because' : 'Vervroegd wegens', item.movedReason] as [string, string]]
      : []),
  ];
  const party = (key: string): string => partyLabel(config, key);
  const lists = [
    {
      label: en ? 'Mandatory agenda topics' : 'Verplichte agendapunten',
      items: (meeting?.mandatoryTopics ?? []).map((t) => `• ${t.label} (${t.source})`),
    },
    {
      label: en ? 'Must attend' : 'Verplicht aanwezig',
      items: (meeting?.requiredAttendees ?? []).map((a) => `• ${a.functionTitle} (${party(a.party)})`),
    },
  ].filter((l) => l.items.length > 0);
  const data = {
    title: escapeMarkdown(item.title),
    statusLine: escapeMarkdown(statusLine),
    statusColor: item.status === 'overdue' ? 'Attention' : 'Warning',
    facts: facts.map(([l, v]) => ({ label: escapeMarkdown(l), value: escapeMarkdown(v) })),
    lists: lists.map((l) => ({
      label: escapeMarkdown(l.label),
      items: l.items.map((line) => ({ line: plainText(line, 300, '…') })),
    })),
    link: checkLink(link),
    linkTitle: en ? 'Plan the meeting' : 'Overleg plannen',
  };
  // Not adaptivecards-templating at run time: it throws in browsers (see ./expand.ts).
  const card = expandCardTemplate<AdaptiveCardJson>(template, data);
  assertCardFits(card);
  return card;
}
