/** heldMeetings: only meetings that took place move the schedule; dates read in Amsterdam. */
import { heldMeetings } from '../../../src/domain/overleg';

describe('heldMeetings', () => {
  it('keeps held meetings, as Amsterdam dates, and drops planned and cancelled ones', () => {
    expect(
      heldMeetings([
        { series: 'bestuurlijk', date: '2026-03-15T23:30:00Z', status: 'gehouden' }, // 00:30 on 16 March in Amsterdam
        { series: 'ambtelijk', date: '2026-04-01', status: 'gehouden' },
        { series: 'ambtelijk', date: '2026-05-01T10:00:00Z', status: 'gepland' },
        { series: 'ambtelijk', date: '2026-06-01T10:00:00Z', status: 'geannuleerd' },
        { series: 'ambtelijk', date: 'gisteren', status: 'gehouden' },
      ]),
    ).toEqual([
      { meetingKey: 'bestuurlijk', heldOn: '2026-03-16' },
      { meetingKey: 'ambtelijk', heldOn: '2026-04-01' },
    ]);
  });
});
