/** The shared pieces of the version traces: one line per version, and names compared whatever their case and spaces. */
import { sameName, versionLine } from '../../../src/domain/common/versionTrace';

it('a version line keeps label, time, status and what changed; an editor only when SharePoint named one', () => {
  const v = { label: '2.0', modified: '2026-12-01T09:00:00Z', status: 'beoordeeld' };
  expect(versionLine(v, ['status'], false)).toEqual({ ...v, changes: ['status'], unreadable: false });
  expect('editor' in versionLine(v, [], true)).toBe(false);
  const editor = { id: 16, displayName: 'Johan Smit' };
  expect(versionLine({ ...v, editor }, [], true)).toEqual({ ...v, editor, changes: [], unreadable: true });
});

it('names match whatever their case and the spaces around them, and only then', () => {
  expect(sameName(' johan SMIT ', 'Johan Smit')).toBe(true);
  expect(sameName('Johan Smit', 'Johanna Smit')).toBe(false);
  expect(sameName('', 'Johan Smit')).toBe(false);
});
