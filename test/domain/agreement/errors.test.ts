/** Zod issues become Dutch and English messages with the JSON path; paths carry their article. */
import { agreementJsonSchema, agreementSchema, formatPath, loadAgreement } from '../../../src/domain/agreement';
import { sourceForPath } from '../../../src/domain/agreement/errors';
import { rawConfig, setAt } from './shippedConfigs';

/** Loads igj-cibg.json with one value replaced and returns the error at that path. */
function errorAt(path: string, value: unknown) {
  const doc = rawConfig('igj-cibg.json');
  setAt(doc, path, value);
  const result = loadAgreement(doc);
  if (result.ok) throw new Error('expected errors');
  return result.errors.find((e) => e.path === path) ?? result.errors;
}

describe('configuration error messages', () => {
  it('formats paths with indexes', () => {
    expect(formatPath(['parties', 1, 'breachAddress'])).toBe('parties[1].breachAddress');
    expect(formatPath([])).toBe('');
  });

  it.each([
    ['agreement.evaluationAfterMonths', 0, 'too_small', 'moet minstens 1 zijn', 'art. 13.2'],
    ['agreement.kind', 'afspraak', 'invalid_value', 'moet een van', undefined],
    ['parties[0].contacts[0].phone', 'bel me', 'invalid_regex', 'geen geldig telefoonnummer', 'art. 5, bijlage 2a'],
    ['parties[0].key', 'IGJ!', 'invalid_regex', 'geen geldige sleutel', undefined],
    ['parties[0].emailDomains[0]', 'igj', 'invalid_regex', 'geen geldig domein', undefined],
    ['agreement.title', '', 'empty', 'mag niet leeg zijn', undefined],
    ['meetings[0].everyMonths', 1.5, 'invalid_type', 'verwacht geheel getal, gekregen getal', undefined],
    ['parties[0].contacts[0].order', 3, 'invalid_value', 'moet een van 1, 2 zijn', 'art. 5, bijlage 2a'],
  ])('%s = %j gives %s', (path, value, code, nl, source) => {
    const error = errorAt(path, value);
    expect(error).toMatchObject({ path, code });
    if (Array.isArray(error)) return;
    expect(error.nl).toContain(nl);
    expect(error.source).toBe(source);
  });

  it('cites the article that belongs to a path', () => {
    expect(sourceForPath('parties[3].breachAddress')).toBe('art. 9.6');
    expect(sourceForPath('meetings[0].requiredAttendees[2].party')).toBe('art. 7.1');
    expect(sourceForPath('space.maxUploadMB')).toBeUndefined();
  });

  it('an attendee of the ambtelijk overleg is cited with art. 6, of the bestuurlijk overleg with art. 7 (their own source)', () => {
    expect(errorAt('meetings[0].requiredAttendees[0].party', 'vws')).toMatchObject({ code: 'unknown_party', source: 'art. 6' });
    expect(errorAt('meetings[1].requiredAttendees[0].party', 'vws')).toMatchObject({ code: 'unknown_party', source: 'art. 7' });
    expect(errorAt('meetings[0].requiredAttendees[0].functionTitle', '')).toMatchObject({ source: 'art. 6' });
  });

  it('an autorisatielijst line of a party that does not exist is reported once, with no advice for that party', () => {
    const doc = rawConfig('igj-cibg.json');
    setAt(doc, 'autorisatielijst[0].party', 'vws');
    const result = loadAgreement(doc);
    if (result.ok) throw new Error('expected errors');
    const about = result.errors.filter((e) => e.path.startsWith('autorisatielijst[0]'));
    expect(about.map((e) => [e.path, e.code])).toEqual([['autorisatielijst[0].party', 'unknown_party']]);
    expect(JSON.stringify(result.errors)).not.toContain("vertrouwelijk-groep van 'vws'");
  });

  it('accepts _comment on nested objects and rejects other unknown fields', () => {
    expect(agreementSchema.safeParse(rawConfig('igj-cibg.json')).success).toBe(true);
    expect(errorAt('space.maxUploadMb', 10)).toMatchObject({ code: 'unknown_field' });
  });

  it('offers a JSON Schema for editors that forbids unknown fields and requires the parties', () => {
    const schema = agreementJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'agreement', 'parties', 'rules']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('_comment');
  });
});
