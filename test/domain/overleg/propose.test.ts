/** proposeMeeting: working day not in the past, attendees by function title (art. 7.1), mandatory agenda (art. 6.2). */
import { isWorkingDay, proposeMeeting, type MeetingPerson } from '../../../src/domain/overleg';
import { fixtureConfig } from '../../fixtures/cards/agreement';

const config = fixtureConfig();
const people: MeetingPerson[] = [
  {
    name: 'Henk de Groot',
    email: 'henk.degroot@igj.example',
    functionTitle: 'Hoofdinspecteur Farmaceutische Producten en Medische Technologie',
    party: 'igj',
  },
  { name: 'Eva Mulder', email: 'eva.mulder@igj.example', functionTitle: 'bestuurlijk  adviseur', party: 'igj' },
  { name: 'Marko Stupar', email: 'marko.stupar@cibg.example', functionTitle: 'Algemeen Directeur', party: 'cibg' },
  {
    name: 'Pieter Bakker',
    email: 'pieter.bakker@igj.example',
    functionTitle: 'Afdelingshoofd Risicodetectie en Ontwikkeling',
    party: 'igj',
  },
  {
    name: 'Lotte Visser',
    email: 'lotte.visser@cibg.example',
    functionTitle: 'Hoofd stafafdeling Account-, Project- en Kwaliteitsmanagement',
    party: 'cibg',
  },
  // Same title at the wrong party: must not count for CIBG.
  {
    name: 'Iemand Anders',
    email: 'anders@igj.example',
    functionTitle: 'Directeur Operationele Zaken/COO',
    party: 'igj',
  },
];

describe('proposeMeeting', () => {
  it('bestuurlijk overleg: required function titles of both parties, a warning for the missing COO (art. 7.1)', () => {
    const r = proposeMeeting('bestuurlijk', config, people, '2026-11-23');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.meeting.attendees.map((a) => [a.name, a.required, a.source])).toEqual([
      ['Henk de Groot', true, 'art. 7.1'],
      ['Eva Mulder', true, 'art. 7.1'],
      ['Marko Stupar', true, 'art. 7.1'],
    ]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'required_role_missing',
        party: 'cibg',
        functionTitle: 'Directeur Operationele Zaken/COO',
        article: 'art. 7.1',
      }),
    ]);
  });

  it('ambtelijk overleg: the mandatory agenda topics of art. 6.2 and the accounthouders (art. 5) as suggested attendees', () => {
    const r = proposeMeeting('ambtelijk', config, people, '2026-11-23');
    if (!r.ok) throw new Error(r.error.en);
    expect(r.meeting.agenda).toEqual([
      {
        key: 'actualiteiten',
        label: 'Actualiteiten en beleidsvoornemens die beide partijen mogelijk raken',
        source: 'art. 6.2a',
        mandatory: true,
      },
      {
        key: 'casuistiek',
        label: 'Geanonimiseerde casuïstiek, onderzoeken en signalen van wederzijds belang',
        source: 'art. 6.2b',
        mandatory: true,
      },
    ]);
    expect(r.meeting.attendees.map((a) => [a.name, a.required, a.source])).toEqual([
      ['Pieter Bakker', false, 'art. 5'],
      ['Lotte Visser', false, 'art. 5'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('DVA renewal suggests the DVA owners (art. 12), the accounthouder where a party names no DVA owner', () => {
    const r = proposeMeeting('dva-vernieuwing', config, people, '2026-11-23');
    expect(r.ok && r.meeting.attendees.map((a) => [a.name, a.source])).toEqual([
      ['Pieter Bakker', 'art. 12'],
      ['Lotte Visser', 'art. 5'],
    ]);
  });

  it.each<[string, string, string | undefined, string]>([
    ['two weeks of notice, on a working day', '2026-11-23', undefined, '2026-12-07'],
    ['skips the weekend', '2026-11-19', undefined, '2026-12-03'],
    ['skips Christmas and the weekend', '2026-12-11', undefined, '2026-12-28'],
    ['skips Koningsdag', '2027-04-13', undefined, '2027-04-28'],
    ['on the due date when it is a working day', '2026-11-23', '2027-03-15', '2027-03-15'],
    ['the working day before a due date on a Sunday', '2026-11-23', '2027-03-14', '2027-03-12'],
    ['never in the past for an overdue meeting', '2026-11-23', '2026-06-21', '2026-12-07'],
  ])('date: %s', (_name, today, dueOn, expected) => {
    const r = proposeMeeting('ambtelijk', config, people, today, { dueOn });
    if (!r.ok) throw new Error(r.error.en);
    expect(r.meeting.start).toBe(`${expected}T10:00`);
    expect(r.meeting.end).toBe(`${expected}T12:00`);
    expect(isWorkingDay(expected)).toBe(true);
    expect(expected >= today).toBe(true);
  });

  it('warns when the due date is too close for notice', () => {
    const r = proposeMeeting('ambtelijk', config, people, '2026-11-23', { dueOn: '2026-11-25' });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['due_date_too_soon']);
  });

  it('refuses a kind the configuration does not have, and bad options', () => {
    const c = fixtureConfig();
    c.meetings = c.meetings.filter((m) => m.kind !== 'evaluatie');
    expect(proposeMeeting('evaluatie', c, people, '2026-11-23')).toMatchObject({
      ok: false,
      error: { code: 'no_meeting_configured' },
    });
    expect(proposeMeeting('ambtelijk', c, people, '2026-11-23', { startTime: '25:00' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_option' },
    });
  });

  it('carries what the calendar needs: time zone, yearly repeat, lead days', () => {
    const r = proposeMeeting('evaluatie', config, people, '2026-11-23');
    expect(r.ok && [r.meeting.timeZone, r.meeting.everyMonths, r.meeting.reminderLeadDays]).toEqual([
      'Europe/Amsterdam',
      12,
      [90, 30],
    ]);
  });
});
