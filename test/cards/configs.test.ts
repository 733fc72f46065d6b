/**
 * @jest-environment jsdom
 */
/**
 * One build, any agreement: the datalek code and the cards over every committed configuration
 * (IGJ–CIBG, CJG Rijnmond, IGJ–OM), with nothing about one agreement hard-coded.
 */
import { buildDatalekCard, buildMeetingReminderCard, channelMessageBytes, MAX_MESSAGE_BYTES } from '../../src/cards';
import {
  prefillDatalek,
  recipientsFor,
  renderDatalekMail,
  validateDatalek,
  DATALEK_FIELDS,
} from '../../src/domain/datalek';
import { computeSchedule } from '../../src/domain/overleg';
import { loadConfigFixture } from '../helpers/config';
import { NOW } from '../fixtures/cards/report';
import { renderCard } from './render';

const LINK = 'https://contoso.example/sites/samenwerkingsruimte';

describe.each(['igj-cibg', 'cjg-rijnmond', 'igj-om'])('configuration %s', (name) => {
  const config = loadConfigFixture(name);

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reports a breach on every processing activity from every party: recipients, valid report, mail, card', () => {
    for (const party of config.parties)
      for (const activity of config.processingActivities) {
        const { draft, recipients } = prefillDatalek({
          me: {
            displayName: 'Test Melder',
            jobTitle: 'Medewerker',
            mail: `melder@${party.emailDomains[0]}`,
            businessPhones: ['+31 30 000 0000'],
          },
          config,
          documents: [{ activityKey: activity.key, id: '1', name: 'doc.pdf', url: `${LINK}/doc.pdf` }],
          now: NOW,
        });
        expect(draft.reportingParty).toBe(party.key);
        expect(draft.controllerParty).toBe(activity.controller);
        expect(recipients.length).toBeGreaterThanOrEqual(2);
        expect(recipients).toEqual(recipientsFor(draft, config));
        const filled = {
          ...draft,
          breachDate: '2026-11-22',
          discoveredAt: '2026-11-23T08:00:00Z',
          description: 'x',
          consequences: 'y',
          measures: 'z',
          measuresBefore: 'geen',
        };
        const r = validateDatalek(filled, NOW, config);
        if (!r.ok) throw new Error(`${party.key}/${activity.key}: ${JSON.stringify(r.errors)}`);
        const mail = renderDatalekMail(r.value, config, 'nl');
        for (const f of DATALEK_FIELDS.filter((x) => x.form2b)) expect(mail.text).toContain(f.label.nl);
        const card = buildDatalekCard(r.value, config, LINK, { now: NOW });
        expect(channelMessageBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
        expect(renderCard(card).problems).toEqual([]);
      }
  });

  it('posts a reminder card for every configured meeting series', () => {
    for (const item of computeSchedule(config.meetings, [], config.agreement, '2026-11-23')) {
      const card = buildMeetingReminderCard({ ...item, status: 'overdue' }, config, LINK);
      expect(renderCard(card).problems).toEqual([]);
      expect(channelMessageBytes(card)).toBeLessThan(MAX_MESSAGE_BYTES);
    }
  });
});
