/**
 * expandCardTemplate gives exactly what adaptivecards-templating gives (in Node, where the library works) for the
 * product's templates, with hostile and empty data; and refuses template syntax it does not implement.
 */
import * as ACData from 'adaptivecards-templating';
import { expandCardTemplate } from '../../src/cards/expand';
import datalek from '../../src/cards/templates/datalek.json';
import reminder from '../../src/cards/templates/meeting-reminder.json';

const reference = (template: unknown, data: unknown): unknown =>
  new ACData.Template(template).expand({ $root: data }) as unknown;

describe('expandCardTemplate', () => {
  it('matches the library on the meeting reminder template, nested $data included', () => {
    const data = {
      title: 'Bestuurlijk overleg \\<b\\>',
      statusLine: '172 dagen over tijd',
      statusColor: 'Attention',
      facts: [
        { label: 'Overleg', value: 'Bestuurlijk overleg' },
        { label: 'Uiterlijk', value: '4-6-2026 ${title} {{DATE(2026-06-04)}}' },
      ],
      lists: [
        { label: 'Verplichte agendapunten', items: [{ line: '• a' }, { line: '• b' }] },
        { label: 'Verplicht aanwezig', items: [{ line: '• c' }] },
      ],
      link: 'https://contoso.example/sites/x',
      linkTitle: 'Overleg plannen',
    };
    expect(expandCardTemplate(reminder, data)).toEqual(reference(reminder, data));
  });

  it('matches the library with empty lists', () => {
    const data = {
      title: 't',
      statusLine: 's',
      statusColor: 'Warning',
      facts: [],
      lists: [],
      link: 'https://x.example/',
      linkTitle: 'l',
    };
    expect(expandCardTemplate(reminder, data)).toEqual(reference(reminder, data));
  });

  it('matches the library on the datalek template', () => {
    const data = {
      title: 'Datalek',
      subtitle: 'door IGJ',
      deadline: '72 uur',
      deadlineColor: 'Attention',
      facts: [{ label: 'Omvang', value: '12' }],
      sections: [{ label: 'Omschrijving', text: '<script>x</script>' }],
      link: 'https://x.example/r/1',
      linkTitle: 'Open',
    };
    expect(expandCardTemplate(datalek, data)).toEqual(reference(datalek, data));
  });

  it('refuses expressions and $when it does not implement, naming them', () => {
    expect(() => expandCardTemplate({ text: '${toUpper(name)}' }, { name: 'x' })).toThrow("'${toUpper(name)}'");
    expect(() => expandCardTemplate({ $when: '${x}', text: 'a' }, { x: true })).toThrow('$when');
  });
});
