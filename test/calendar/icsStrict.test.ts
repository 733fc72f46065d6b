/**
 * The strict .ics checker (test/helpers/icsStrict.ts) itself: it passes a well-formed file and finds each defect the
 * old `ics`-library output had (`-P60DT`, folds at 75 characters and inside `\,`, raw `,` `;` `\` in the
 * alarm text, UTC-only times) plus the structural ones, so a green strict test means something.
 */
import { checkIcs } from '../helpers/icsStrict';

const GOOD = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Test//Test//NL',
  'VERSION:2.0',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19960331T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:x@test',
  'DTSTAMP:20261123T130000Z',
  'DTSTART;TZID=Europe/Amsterdam:20270315T100000',
  'DTEND;TZID=Europe/Amsterdam:20270315T120000',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Overleg\\, met\\; tekens \\\\ en: dubbele punt',
  'ATTENDEE;CN="de Groot, Henk";ROLE=REQ-PARTICIPANT:mailto:h@igj.example',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'DESCRIPTION:Herinnering',
  'TRIGGER:-P60D',
  'END:VALARM',
  'END:VEVENT',
  'END:VCALENDAR',
];

const file = (lines: string[]): string => lines.map((l) => `${l}\r\n`).join('');
const replace = (from: string, ...to: string[]): string =>
  file(GOOD.flatMap((l) => (l === from ? to : [l])));

describe('checkIcs', () => {
  it('passes a well-formed file', () => {
    expect(checkIcs(GOOD.map((l) => `${l}\r\n`).join(''))).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ['a T without a time part', replace('TRIGGER:-P60D', 'TRIGGER:-P60DT'), /TRIGGER: '-P60DT' is not a DURATION/],
    ['14 days written -P14DT', replace('TRIGGER:-P60D', 'TRIGGER:-P14DT'), /not a DURATION/],
    ['a raw comma in the alarm text', replace('DESCRIPTION:Herinnering', 'DESCRIPTION:Overleg, art. 7'), /unescaped ','/],
    ['a raw semicolon', replace('DESCRIPTION:Herinnering', 'DESCRIPTION:a; b'), /unescaped ';'/],
    ['a lone backslash', replace('DESCRIPTION:Herinnering', 'DESCRIPTION:a \\ b'), /not part of an escape/],
    [
      'a fold between \\ and ,',
      replace('SUMMARY:Overleg\\, met\\; tekens \\\\ en: dubbele punt', 'SUMMARY:Overleg\\', ' , met'),
      /fold inside an escape/,
    ],
    ['a line of 76 octets', replace('UID:x@test', `UID:${'x'.repeat(72)}`), /76 octets/],
    [
      'a line of 75 characters but more octets (folded by characters)',
      replace('UID:x@test', `UID:${'ë'.repeat(71)}`),
      /146 octets/,
    ],
    ['LF line ends', GOOD.join('\n') + '\n', /LF without CR/],
    ['no CRLF at the end', GOOD.join('\r\n'), /no CRLF/],
    ['a TZID without VTIMEZONE', replace('DTEND;TZID=Europe/Amsterdam:20270315T120000', 'DTEND;TZID=Europe/Berlin:20270315T120000'), /TZID=Europe\/Berlin has no VTIMEZONE/],
    ['a floating DTSTART', replace('DTSTART;TZID=Europe/Amsterdam:20270315T100000', 'DTSTART:20270315T100000'), /floating/],
    ['a UTC time with TZID', replace('DTSTART;TZID=Europe/Amsterdam:20270315T100000', 'DTSTART;TZID=Europe/Amsterdam:20270315T100000Z'), /UTC time with TZID/],
    ['no UID', replace('UID:x@test'), /UID missing/],
    ['no DTSTAMP', replace('DTSTAMP:20261123T130000Z'), /DTSTAMP missing/],
    ['no DTSTART', replace('DTSTART;TZID=Europe/Amsterdam:20270315T100000'), /DTSTART missing/],
    ['no VERSION', replace('VERSION:2.0'), /VERSION missing/],
    ['no PRODID', replace('PRODID:-//Test//Test//NL'), /PRODID missing/],
    ['a local DTSTAMP', replace('DTSTAMP:20261123T130000Z', 'DTSTAMP:20261123T130000'), /not a UTC DATE-TIME/],
    ['an impossible date', replace('DTEND;TZID=Europe/Amsterdam:20270315T120000', 'DTEND;TZID=Europe/Amsterdam:20270231T120000'), /not a DATE-TIME/],
    ['an unknown RRULE part', replace('RRULE:FREQ=YEARLY', 'RRULE:FREQ=YEARLY;BYFOO=1'), /BYFOO=1 is not allowed/],
    ['an RRULE without FREQ', replace('RRULE:FREQ=YEARLY', 'RRULE:INTERVAL=2'), /FREQ missing/],
    ['BYSETPOS alone', replace('RRULE:FREQ=YEARLY', 'RRULE:FREQ=MONTHLY;BYSETPOS=-1'), /BYSETPOS without/],
    ['a bad UTC offset', replace('TZOFFSETTO:+0200', 'TZOFFSETTO:+2'), /not a UTC-OFFSET/],
    ['a DQUOTE inside a quoted parameter', replace('ATTENDEE;CN="de Groot, Henk";ROLE=REQ-PARTICIPANT:mailto:h@igj.example', 'ATTENDEE;CN="de "Groot"";ROLE=REQ-PARTICIPANT:mailto:h@igj.example'), /expected ':'|bad parameter/],
    ['an unquoted parameter with a comma-separated name', replace('ATTENDEE;CN="de Groot, Henk";ROLE=REQ-PARTICIPANT:mailto:h@igj.example', 'ATTENDEE;CN=de Groot, Henk:mailto:h@igj.example'), /more than one value/],
    ['an unknown ROLE', replace('ATTENDEE;CN="de Groot, Henk";ROLE=REQ-PARTICIPANT:mailto:h@igj.example', 'ATTENDEE;ROLE=BOSS:mailto:h@igj.example'), /ROLE=BOSS/],
    ['an attendee that is no mailto URI', replace('ATTENDEE;CN="de Groot, Henk";ROLE=REQ-PARTICIPANT:mailto:h@igj.example', 'ATTENDEE:h@igj.example'), /not a mailto URI/],
    ['an unknown property', replace('RRULE:FREQ=YEARLY', 'RRULE:FREQ=YEARLY', 'FOO:bar'), /FOO: unknown property/],
    ['a VTIMEZONE without observances', file(GOOD.filter((l, i) => i < 5 || i > 18)), /no STANDARD or DAYLIGHT/],
    ['a DISPLAY alarm without DESCRIPTION', replace('DESCRIPTION:Herinnering'), /DISPLAY alarm needs one DESCRIPTION/],
    ['an unclosed component', replace('END:VALARM'), /does not close|not closed/],
    ['a control character', replace('DESCRIPTION:Herinnering', 'DESCRIPTION:a\u0007b'), /control character/],
  ])('finds %s', (_name, text, finding) => {
    const errors = checkIcs(text);
    expect(errors.join('\n')).toMatch(finding);
  });

  it('finds a fold that cuts a UTF-8 sequence, which a string cannot even hold', () => {
    const before = new TextEncoder().encode(replace('SUMMARY:Overleg\\, met\\; tekens \\\\ en: dubbele punt', 'SUMMARY:Idë'));
    // Cut 'ë' (C3 AB) with a fold: C3 CR LF SP AB.
    const at = before.indexOf(0xc3);
    const bytes = new Uint8Array([...before.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...before.subarray(at + 1)]);
    expect(checkIcs(bytes).join('\n')).toMatch(/not valid UTF-8 on its own/);
  });
});
