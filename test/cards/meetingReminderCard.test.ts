/**
 * @jest-environment jsdom
 */
/** buildMeetingReminderCard: due-soon and overdue reminders (art. 6, 7, 12, 13.2) render cleanly under 28 KB. */
import { buildMeetingReminderCard, channelMessageBytes, MAX_MESSAGE_BYTES } from '../../src/cards';
import { computeSchedule, type ScheduleItem } from '../../src/domain/overleg';
import { fixtureConfig } from '../fixtures/cards/agreement';
import { HOSTILE } from '../fixtures/cards/report';
import { INJECTED, renderCard } from './render';

const config = fixtureConfig();
const LINK = 'https://contoso.example/sites/samenwerkingsruimte/SitePages/Overleg.aspx';
const item = (key: string, today: string, heldOn = '2025-12-15'): ScheduleItem =>
  computeSchedule(config.meetings, [{ meetingKey: key, heldOn }], config.agreement, today).find(
    (i) => i.meetingKey === key,
  )!;

describe('buildMeetingReminderCard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('due soon: the due date, the rule, the required function titles of both parties (art. 7.1)', () => {
    const card = buildMeetingReminderCard(item('bestuurlijk', '2026-11-20'), config, LINK);
    expect(card.version).toBe('1.5');
    const { problems, text, element } = renderCard(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Over 25 dagen: uiterlijk 15-12-2026 (art. 7.1)');
    expect(text).toContain('• Hoofdinspecteur Farmaceutische Producten en Medische Technologie (IGJ)');
    expect(text).toContain('• Directeur Operationele Zaken/COO (CIBG)');
    expect(element.querySelector('button')?.textContent).toBe('Overleg plannen');
    expect(channelMessageBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  it('overdue: in red, with the mandatory agenda topics (art. 6.2)', () => {
    const card = buildMeetingReminderCard(item('ambtelijk', '2027-01-04'), config, LINK, { lang: 'en' });
    const { problems, text } = renderCard(card);
    expect(problems).toEqual([]);
    expect(text).toContain('Overdue by 20 days: due 15 Dec 2026 (art. 6)');
    expect(text).toContain('• Actualiteiten en beleidsvoornemens die beide partijen mogelijk raken (art. 6.2a)');
    expect(JSON.stringify(card)).toContain('"color":"Attention"');
  });

  it('shows the reason of an evaluation moved earlier (art. 13.2) as text, whatever it contains', () => {
    for (const reason of HOSTILE) {
      const moved = computeSchedule(config.meetings, [], config.agreement, '2025-11-01', [
        { meetingKey: 'evaluatie', dueOn: '2025-12-01', reason },
      ]).find((i) => i.meetingKey === 'evaluatie')!;
      const { problems, element, text } = renderCard(buildMeetingReminderCard(moved, config, LINK));
      expect(problems).toEqual([]);
      expect(element.querySelectorAll(INJECTED)).toHaveLength(0);
      expect(text).toContain(reason);
      document.body.innerHTML = '';
    }
  });
});
