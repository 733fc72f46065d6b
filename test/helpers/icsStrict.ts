/**
 * A strict RFC 5545 checker for the .ics files the product writes, independent of the code that writes them and of
 * ical.js. It works on the octets and returns every finding (an empty list means the file passed):
 * - content lines (3.1): CRLF after every line and nowhere else, at most 75 octets per line, each physical line valid
 *   UTF-8 on its own (no fold inside a UTF-8 sequence), no fold inside an escape (`\,` in values, `^'` in parameters);
 * - grammar (3.1, 3.2): names, parameters (quoted or not), no control characters;
 * - the value grammar of every property it knows (3.3: TEXT escaping, DATE-TIME with and without TZID, DURATION,
 *   RECUR, UTC-OFFSET, CAL-ADDRESS, URI, INTEGER; enumerations of 3.8); a property it does not know is a finding, so
 *   the checker has to learn a new property's grammar before the product may write it;
 * - structure (3.4, 3.6): one VCALENDAR with VERSION 2.0 and PRODID; each VEVENT with UID, DTSTAMP, DTSTART once and
 *   not both DTEND and DURATION; each VALARM with ACTION, TRIGGER (and DESCRIPTION for DISPLAY); a VTIMEZONE with
 *   observances for every TZID used, each observance with DTSTART, TZOFFSETFROM and TZOFFSETTO.
 */

/** One content line after unfolding, with where its folds fell. */
interface ContentLine {
  /** 1-based number of its first physical line. */
  lineNo: number;
  text: string;
  /** UTF-16 offsets in `text` where a fold was removed. */
  folds: number[];
}

/** A parsed content line. */
interface Prop {
  lineNo: number;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A component and what it holds. */
interface Comp {
  name: string;
  lineNo: number;
  props: Prop[];
  children: Comp[];
}

const MAX_OCTETS = 75;
const NAME = /^[A-Za-z0-9-]+$/;
// RFC 5545 3.1: SAFE-CHAR and QSAFE-CHAR exclude CONTROL (%x00-08, %x0A-1F, %x7F); SAFE-CHAR also DQUOTE ; : ,
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Splits the octets into physical lines; findings for line ends, length and UTF-8. */
function physicalLines(bytes: Uint8Array, errors: string[]): string[] {
  const lines: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d)) errors.push(`line ${lines.length + 1}: LF without CR`);
    if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) errors.push(`line ${lines.length + 1}: CR without LF`);
    if (bytes[i] === 0x0a) {
      const end = i > 0 && bytes[i - 1] === 0x0d ? i - 1 : i;
      const raw = bytes.subarray(start, end);
      if (raw.length > MAX_OCTETS) errors.push(`line ${lines.length + 1}: ${raw.length} octets (at most ${MAX_OCTETS})`);
      try {
        lines.push(decoder.decode(raw));
      } catch {
        errors.push(`line ${lines.length + 1}: not valid UTF-8 on its own (a fold inside a UTF-8 sequence?)`);
        lines.push(new TextDecoder('utf-8').decode(raw));
      }
      start = i + 1;
    }
  }
  if (start < bytes.length) errors.push(`line ${lines.length + 1}: the last line has no CRLF`);
  return lines;
}

/** Joins continuation lines (a leading space or tab) to the line before, remembering where each fold was. */
function unfold(lines: string[], errors: string[]): ContentLine[] {
  const out: ContentLine[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      const last = out[out.length - 1];
      if (!last) errors.push(`line ${i + 1}: a continuation line with nothing before it`);
      else {
        last.folds.push(last.text.length);
        last.text += line.slice(1);
      }
    } else if (line === '') errors.push(`line ${i + 1}: empty line`);
    else out.push({ lineNo: i + 1, text: line, folds: [] });
  });
  return out;
}

/** Parses `name *(";" param) ":" value` (RFC 5545 3.1); findings for grammar and folds inside escapes. */
function parseLine(line: ContentLine, errors: string[]): Prop | undefined {
  const t = line.text;
  const at = `line ${line.lineNo}`;
  let i = 0;
  const nameEnd = t.search(/[;:]/);
  if (nameEnd <= 0) {
    errors.push(`${at}: no property name and ':'`);
    return undefined;
  }
  const name = t.slice(0, nameEnd).toUpperCase();
  if (!NAME.test(name)) errors.push(`${at}: bad property name '${t.slice(0, nameEnd)}'`);
  i = nameEnd;
  const params = new Map<string, string[]>();
  const escapes: Array<[number, number]> = []; // [start, end) of escape sequences, to check folds against
  while (t[i] === ';') {
    const eq = t.indexOf('=', i);
    if (eq < 0) {
      errors.push(`${at}: parameter without '='`);
      return undefined;
    }
    const pname = t.slice(i + 1, eq).toUpperCase();
    if (!NAME.test(pname)) errors.push(`${at}: bad parameter name '${pname}'`);
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      let v = '';
      if (t[i] === '"') {
        const close = t.indexOf('"', i + 1);
        if (close < 0) {
          errors.push(`${at}: unterminated quoted parameter value of ${pname}`);
          return undefined;
        }
        v = t.slice(i + 1, close);
        if (CONTROL.test(v)) errors.push(`${at}: control character in parameter ${pname}`);
        for (let k = i + 1; k < close; k++) if (t[k] === '^' && /[n^']/.test(t[k + 1] ?? '')) escapes.push([k, k + 2]);
        i = close + 1;
      } else {
        const m = /^[^";:,]*/.exec(t.slice(i))![0];
        if (CONTROL.test(m)) errors.push(`${at}: control character in parameter ${pname}`);
        for (let k = 0; k < m.length; k++) if (m[k] === '^' && /[n^']/.test(m[k + 1] ?? '')) escapes.push([i + k, i + k + 2]);
        v = m;
        i += m.length;
      }
      values.push(v);
      if (t[i] === ',') i++;
      else break;
    }
    if (params.has(pname)) errors.push(`${at}: parameter ${pname} twice`);
    params.set(pname, values);
  }
  if (t[i] !== ':') {
    errors.push(`${at}: expected ':' after the parameters of ${name}, found '${t[i] ?? 'end of line'}'`);
    return undefined;
  }
  const valueStart = i + 1;
  const value = t.slice(valueStart);
  if (CONTROL.test(value)) errors.push(`${at}: control character in the value of ${name}`);
  for (let k = 0; k < value.length; k++)
    if (value[k] === '\\') {
      escapes.push([valueStart + k, valueStart + k + 2]);
      k++;
    }
  for (const fold of line.folds)
    if (escapes.some(([s, e]) => fold > s && fold < e)) errors.push(`${at}: a fold inside an escape sequence of ${name}`);
  return { lineNo: line.lineNo, name, params, value };
}

// ---- value grammars (RFC 5545 3.3) ----

/** TEXT (3.3.11): `\` only in `\\ \; \, \n \N`; no bare `;` or `,` (single-valued properties). */
function checkText(p: Prop, errors: string[]): void {
  const v = p.value;
  for (let k = 0; k < v.length; k++) {
    if (v[k] === '\\') {
      if (!/[\\;,nN]/.test(v[k + 1] ?? '')) errors.push(`line ${p.lineNo}: ${p.name}: '\\' not part of an escape`);
      k++;
    } else if (v[k] === ';' || v[k] === ',') errors.push(`line ${p.lineNo}: ${p.name}: unescaped '${v[k]}'`);
  }
}

function validDate(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** DATE-TIME (3.3.5): `YYYYMMDDTHHMMSS` with optional `Z`; returns whether it is UTC, or undefined when malformed. */
function dateTime(v: string): { utc: boolean } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return undefined;
  return { utc: m[7] === 'Z' };
}

/** DURATION (3.3.6): dur-date / dur-time / dur-week; a `T` needs a time part. */
const DURATION =
  /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;

/** UTC-OFFSET (3.3.14); `-0000` is not allowed. */
function checkUtcOffset(p: Prop, errors: string[]): void {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(p.value);
  if (!m || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59 || /^-0{4}(00)?$/.test(p.value))
    errors.push(`line ${p.lineNo}: ${p.name}: '${p.value}' is not a UTC-OFFSET`);
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** RECUR (3.3.10), with the rule parts' ranges and combinations. */
function checkRecur(p: Prop, errors: string[]): void {
  const at = `line ${p.lineNo}: ${p.name}`;
  const parts = new Map<string, string>();
  for (const part of p.value.split(';')) {
    const [k, v, ...rest] = part.split('=');
    if (!k || v === undefined || rest.length) {
      errors.push(`${at}: '${part}' is not NAME=value`);
      continue;
    }
    if (parts.has(k)) errors.push(`${at}: ${k} twice`);
    parts.set(k, v);
  }
  const list = (v: string, min: number, max: number, signed: boolean): boolean =>
    v.split(',').every((x) => {
      const m = (signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).exec(x);
      const n = Math.abs(Number(x));
      return !!m && n >= min && n <= max;
    });
  const freq = parts.get('FREQ');
  if (!freq || !['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq))
    errors.push(`${at}: FREQ missing or unknown`);
  for (const [k, v] of parts) {
    const ok = ((): boolean => {
      switch (k) {
        case 'FREQ':
          return true;
        case 'INTERVAL':
        case 'COUNT':
          return /^[1-9]\d*$/.test(v);
        case 'UNTIL':
          return /^\d{8}$/.test(v) ? validDate(+v.slice(0, 4), +v.slice(4, 6), +v.slice(6, 8)) : dateTime(v)?.utc === true;
        case 'BYMONTH':
          return list(v, 1, 12, false);
        case 'BYMONTHDAY':
          return list(v, 1, 31, true);
        case 'BYYEARDAY':
          return list(v, 1, 366, true);
        case 'BYWEEKNO':
          return list(v, 1, 53, true);
        case 'BYSETPOS':
          return list(v, 1, 366, true);
        case 'BYHOUR':
          return list(v, 0, 23, false);
        case 'BYMINUTE':
          return list(v, 0, 59, false);
        case 'BYSECOND':
          return list(v, 0, 60, false);
        case 'BYDAY':
          return v.split(',').every((x) => {
            const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(x);
            return !!m && (m[1] === undefined || (Math.abs(Number(m[1])) >= 1 && Math.abs(Number(m[1])) <= 53));
          });
        case 'WKST':
          return WEEKDAYS.includes(v);
        default:
          return false;
      }
    })();
    if (!ok) errors.push(`${at}: ${k}=${v} is not allowed`);
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) errors.push(`${at}: COUNT and UNTIL together`);
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS'))
    errors.push(`${at}: BYSETPOS without another BYxxx rule part`);
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') errors.push(`${at}: BYWEEKNO needs FREQ=YEARLY`);
  if (parts.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq ?? ''))
    errors.push(`${at}: BYYEARDAY with FREQ=${freq}`);
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') errors.push(`${at}: BYMONTHDAY with FREQ=WEEKLY`);
  if (/\d/.test(parts.get('BYDAY') ?? '') && !['MONTHLY', 'YEARLY'].includes(freq ?? ''))
    errors.push(`${at}: BYDAY with an ordinal needs FREQ=MONTHLY or YEARLY`);
}

/** CAL-ADDRESS (3.3.3) as the product writes it: a mailto URI (RFC 6068) without characters a URI may not hold. */
function checkCalAddress(p: Prop, errors: string[]): void {
  if (!/^mailto:[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+@[A-Za-z0-9.-]+$/.test(p.value))
    errors.push(`line ${p.lineNo}: ${p.name}: '${p.value}' is not a mailto URI`);
}

/** URI (3.3.13, RFC 3986): a scheme and only URI characters. */
function checkUri(p: Prop, errors: string[]): void {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/.test(p.value))
    errors.push(`line ${p.lineNo}: ${p.name}: '${p.value}' is not a URI`);
}

const ENUMS: Record<string, string[]> = {
  VERSION: ['2.0'],
  CALSCALE: ['GREGORIAN'],
  METHOD: ['PUBLISH', 'REQUEST', 'REPLY', 'ADD', 'CANCEL', 'REFRESH', 'COUNTER', 'DECLINECOUNTER'],
  STATUS: ['TENTATIVE', 'CONFIRMED', 'CANCELLED'],
  TRANSP: ['OPAQUE', 'TRANSPARENT'],
  CLASS: ['PUBLIC', 'PRIVATE', 'CONFIDENTIAL'],
  ACTION: ['AUDIO', 'DISPLAY', 'EMAIL'],
};

const PARAM_ENUMS: Record<string, string[]> = {
  ROLE: ['CHAIR', 'REQ-PARTICIPANT', 'OPT-PARTICIPANT', 'NON-PARTICIPANT'],
  PARTSTAT: ['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED'],
  RSVP: ['TRUE', 'FALSE'],
  CUTYPE: ['INDIVIDUAL', 'GROUP', 'RESOURCE', 'ROOM', 'UNKNOWN'],
  RELATED: ['START', 'END'],
  VALUE: ['DATE-TIME', 'DURATION'],
};

/** Which parameters each property may carry here. */
const ALLOWED_PARAMS: Record<string, string[]> = {
  DTSTART: ['TZID'],
  DTEND: ['TZID'],
  ATTENDEE: ['CN', 'ROLE', 'PARTSTAT', 'RSVP', 'CUTYPE'],
  ORGANIZER: ['CN'],
  TRIGGER: ['RELATED', 'VALUE'],
};

/** Checks a property's value by its name and the component it is in. */
function checkValue(p: Prop, comp: string, tzids: Set<string>, used: Set<string>, errors: string[]): void {
  const at = `line ${p.lineNo}: ${p.name}`;
  for (const [param, values] of p.params) {
    if (!(ALLOWED_PARAMS[p.name] ?? []).includes(param) && !param.startsWith('X-'))
      errors.push(`${at}: parameter ${param} not expected here`);
    const allowed = PARAM_ENUMS[param];
    if (allowed && values.some((v) => !allowed.includes(v))) errors.push(`${at}: ${param}=${values.join(',')} is not allowed`);
    if (values.length > 1) errors.push(`${at}: parameter ${param} with more than one value`);
  }
  switch (p.name) {
    case 'PRODID':
    case 'UID':
    case 'SUMMARY':
    case 'DESCRIPTION':
    case 'LOCATION':
    case 'COMMENT':
    case 'TZNAME':
    case 'TZID':
      if (p.value === '' && p.name !== 'DESCRIPTION') errors.push(`${at}: empty`);
      return checkText(p, errors);
    case 'DTSTAMP':
    case 'CREATED':
    case 'LAST-MODIFIED':
      if (dateTime(p.value)?.utc !== true) errors.push(`${at}: '${p.value}' is not a UTC DATE-TIME`);
      return;
    case 'DTSTART':
    case 'DTEND': {
      const dt = dateTime(p.value);
      const tzid = p.params.get('TZID')?.[0];
      if (!dt) errors.push(`${at}: '${p.value}' is not a DATE-TIME`);
      else if (comp === 'STANDARD' || comp === 'DAYLIGHT') {
        if (dt.utc || tzid) errors.push(`${at}: an observance's DTSTART must be local time without TZID (3.6.5)`);
      } else if (tzid !== undefined) {
        if (dt.utc) errors.push(`${at}: a UTC time with TZID (3.3.5 forbids)`);
        used.add(tzid);
        if (!tzids.has(tzid)) errors.push(`${at}: TZID=${tzid} has no VTIMEZONE`);
      } else if (!dt.utc) errors.push(`${at}: a floating time (no TZID, no Z): it moves with every reader's zone`);
      return;
    }
    case 'DURATION':
      if (!DURATION.test(p.value)) errors.push(`${at}: '${p.value}' is not a DURATION`);
      return;
    case 'TRIGGER':
      if (p.params.get('VALUE')?.[0] === 'DATE-TIME') {
        if (dateTime(p.value)?.utc !== true) errors.push(`${at}: '${p.value}' is not a UTC DATE-TIME`);
      } else if (!DURATION.test(p.value)) errors.push(`${at}: '${p.value}' is not a DURATION`);
      return;
    case 'RRULE':
      return checkRecur(p, errors);
    case 'TZOFFSETFROM':
    case 'TZOFFSETTO':
      return checkUtcOffset(p, errors);
    case 'ORGANIZER':
    case 'ATTENDEE':
      return checkCalAddress(p, errors);
    case 'URL':
      return checkUri(p, errors);
    case 'SEQUENCE':
      if (!/^\d+$/.test(p.value)) errors.push(`${at}: '${p.value}' is not a non-negative INTEGER`);
      return;
    default: {
      const allowed = ENUMS[p.name];
      if (allowed) {
        if (!allowed.includes(p.value)) errors.push(`${at}: '${p.value}' is not one of ${allowed.join(', ')}`);
      } else if (!p.name.startsWith('X-')) errors.push(`${at}: unknown property (teach the checker its grammar first)`);
    }
  }
}

/** Properties each component must have exactly once, and those it may have at most once. */
const REQUIRED: Record<string, string[]> = {
  VCALENDAR: ['PRODID', 'VERSION'],
  VEVENT: ['UID', 'DTSTAMP', 'DTSTART'],
  VALARM: ['ACTION', 'TRIGGER'],
  VTIMEZONE: ['TZID'],
  STANDARD: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
  DAYLIGHT: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
};
const AT_MOST_ONCE: Record<string, string[]> = {
  VCALENDAR: ['CALSCALE', 'METHOD'],
  VEVENT: ['DTEND', 'DURATION', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'URL', 'STATUS', 'TRANSP', 'SEQUENCE', 'ORGANIZER', 'CLASS', 'CREATED', 'LAST-MODIFIED'],
  VALARM: ['DESCRIPTION', 'SUMMARY', 'DURATION', 'REPEAT'],
};
const CHILDREN: Record<string, string[]> = {
  VCALENDAR: ['VEVENT', 'VTIMEZONE'],
  VEVENT: ['VALARM'],
  VTIMEZONE: ['STANDARD', 'DAYLIGHT'],
  VALARM: [],
  STANDARD: [],
  DAYLIGHT: [],
};

function checkComponent(c: Comp, tzids: Set<string>, used: Set<string>, errors: string[]): void {
  const at = `line ${c.lineNo}: ${c.name}`;
  const count = (n: string): number => c.props.filter((p) => p.name === n).length;
  for (const n of REQUIRED[c.name] ?? []) if (count(n) !== 1) errors.push(`${at}: ${n} ${count(n) === 0 ? 'missing' : 'more than once'}`);
  for (const n of AT_MOST_ONCE[c.name] ?? []) if (count(n) > 1) errors.push(`${at}: ${n} more than once`);
  if (c.name === 'VEVENT') {
    if (count('DTEND') && count('DURATION')) errors.push(`${at}: DTEND and DURATION together`);
    if (count('RRULE') > 1) errors.push(`${at}: more than one RRULE`);
  }
  if (c.name === 'VALARM') {
    const action = c.props.find((p) => p.name === 'ACTION')?.value;
    if (action === 'DISPLAY' && count('DESCRIPTION') !== 1) errors.push(`${at}: a DISPLAY alarm needs one DESCRIPTION`);
  }
  if (c.name === 'VTIMEZONE' && c.children.length === 0) errors.push(`${at}: no STANDARD or DAYLIGHT`);
  for (const child of c.children)
    if (!(CHILDREN[c.name] ?? []).includes(child.name)) errors.push(`line ${child.lineNo}: ${child.name} inside ${c.name}`);
  for (const p of c.props) checkValue(p, c.name, tzids, used, errors);
  for (const child of c.children) checkComponent(child, tzids, used, errors);
}

/** Every finding of the strict check; an empty list means the file passed. */
export function checkIcs(input: string | Uint8Array): string[] {
  const errors: string[] = [];
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const props = unfold(physicalLines(bytes, errors), errors)
    .map((l) => parseLine(l, errors))
    .filter((p): p is Prop => p !== undefined);
  const roots: Comp[] = [];
  const stack: Comp[] = [];
  for (const p of props) {
    if (p.name === 'BEGIN' || p.name === 'END') {
      if (p.params.size) errors.push(`line ${p.lineNo}: ${p.name} with parameters`);
      const name = p.value.toUpperCase();
      if (!CHILDREN[name]) errors.push(`line ${p.lineNo}: unknown component ${p.value}`);
      if (p.name === 'BEGIN') {
        const c: Comp = { name, lineNo: p.lineNo, props: [], children: [] };
        (stack.length ? stack[stack.length - 1].children : roots).push(c);
        stack.push(c);
      } else if (stack.pop()?.name !== name) errors.push(`line ${p.lineNo}: END:${p.value} does not close the open component`);
    } else if (!stack.length) errors.push(`line ${p.lineNo}: ${p.name} outside any component`);
    else stack[stack.length - 1].props.push(p);
  }
  if (stack.length) errors.push(`${stack.map((c) => c.name).join(', ')} not closed`);
  if (roots.length !== 1 || roots[0].name !== 'VCALENDAR') errors.push('the file is not exactly one VCALENDAR');
  const cal = roots[0];
  if (!cal) return errors;
  const zones = cal.children.filter((c) => c.name === 'VTIMEZONE');
  const tzids = new Set<string>();
  for (const z of zones) {
    const id = z.props.find((p) => p.name === 'TZID')?.value;
    if (id !== undefined && tzids.has(id)) errors.push(`line ${z.lineNo}: VTIMEZONE ${id} twice`);
    if (id !== undefined) tzids.add(id);
  }
  if (!cal.children.some((c) => c.name === 'VEVENT')) errors.push('no VEVENT');
  const used = new Set<string>();
  checkComponent(cal, tzids, used, errors);
  for (const id of tzids) if (!used.has(id)) errors.push(`VTIMEZONE ${id} is not used`);
  return errors;
}

/** Unfolded content lines of a file, for tests that read one property (no checks). */
export function unfoldedLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}
