/** The course of a breach report derived from the append-only Datalekverloop (AVG art. 33(5)). */
import { applyEvents } from '../../../src/domain/datalek';

it('takes the latest record per delivery step and the procedure times from the first records', () => {
  const form = applyEvents({ description: 'x' }, [
    { id: 1, step: 'mail', outcome: 'sending', at: '2026-11-01T10:00:00Z', details: {} },
    { id: 2, step: 'mail', outcome: 'sent', at: '2026-11-01T10:00:01Z', details: {} },
    { id: 3, step: 'card', outcome: 'sending', at: '2026-11-01T10:00:02Z', details: {} },
    { id: 4, step: 'card', outcome: 'failed', at: '2026-11-01T10:00:03Z', details: { message: 'Forbidden' } },
    { id: 5, step: 'card', outcome: 'sent', at: '2026-11-01T11:00:00Z', details: { ref: '171', kind: 'notice', channel: 'c', reason: 'r' } },
    { id: 6, step: 'phoned', outcome: 'done', at: '2026-11-01T12:00:00Z', details: { contact: 'Johan Smit' } },
    { id: 7, step: 'phoned', outcome: 'done', at: '2026-11-01T13:00:00Z', details: { contact: 'later' } },
  ]);
  expect(form.delivery).toEqual({
    mail: { state: 'sent', at: '2026-11-01T10:00:01Z' },
    card: { state: 'sent', at: '2026-11-01T11:00:00Z', ref: '171', kind: 'notice', channel: 'c', reason: 'r' },
  });
  expect(form.procedure).toEqual({
    formMailedAt: '2026-11-01T10:00:01Z',
    phonedAt: '2026-11-01T12:00:00Z',
    phonedContact: 'Johan Smit',
  });
  expect(form.description).toBe('x');
});

it('counts failed attempts and keeps what a report stored before the log existed', () => {
  const legacy = { delivery: { mail: { state: 'sent', at: 'old' } }, procedure: { formMailedAt: 'old' } };
  expect(applyEvents(legacy, [])).toBe(legacy);
  const form = applyEvents(legacy, [
    { id: 1, step: 'card', outcome: 'uncertain', at: 'a', details: { message: 'no answer' } },
    { id: 2, step: 'card', outcome: 'failed', at: 'b', details: { message: '503' } },
  ]);
  expect(form.delivery).toEqual({
    mail: { state: 'sent', at: 'old' },
    card: { state: 'failed', at: 'b', message: '503', attempts: 2 },
  });
  expect((form.procedure as Record<string, unknown>).formMailedAt).toBe('old');
});
