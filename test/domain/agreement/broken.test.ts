/** Broken configurations (fixture files in test/fixtures/agreements) are refused with errors naming the JSON path. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formatConfigErrors, loadAgreement, loadAgreementText } from '../../../src/domain/agreement';
import { rawConfig, removeAt, setAt } from './shippedConfigs';

interface ExpectedError {
  path: string;
  code: string;
  nl?: string;
  source?: string;
}
interface Fixture {
  _comment: string;
  base?: string;
  document?: unknown;
  set?: Record<string, unknown>;
  remove?: string[];
  expect: ExpectedError[];
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'agreements');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture] as const);

/** The broken document a fixture describes: a shipped configuration with edits, or a document of its own. */
function buildDocument(fx: Fixture): unknown {
  if (fx.base === undefined) return fx.document;
  const doc = rawConfig(fx.base);
  for (const [path, value] of Object.entries(fx.set ?? {})) setAt(doc, path, value);
  for (const path of fx.remove ?? []) removeAt(doc, path);
  return doc;
}

describe('broken agreement configurations', () => {
  it('has fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtures)('%s is refused with the expected path and code', (_file, fx) => {
    const result = loadAgreement(buildDocument(fx));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const want of fx.expect) {
      const hit = result.errors.find((e) => e.path === want.path && e.code === want.code);
      expect({ want, hit: hit ?? result.errors }).toEqual({ want, hit: expect.objectContaining({ path: want.path }) });
      if (!hit) continue;
      if (want.nl) expect(hit.nl).toContain(want.nl);
      if (want.source) expect(hit.source).toBe(want.source);
      expect(hit.nl.length).toBeGreaterThan(0);
      expect(hit.en.length).toBeGreaterThan(0);
      expect(hit.en).not.toBe(hit.nl);
    }
  });

  it('formats an error as "<path>: <message> (<article>)" in Dutch and English', () => {
    const doc = rawConfig('igj-cibg.json');
    setAt(doc, 'parties[1].breachAddress', 'geen-adres');
    const result = loadAgreement(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatConfigErrors(result.errors, 'nl')).toEqual([
      'parties[1].breachAddress: geen geldig e-mailadres (art. 9.6)',
    ]);
    expect(formatConfigErrors(result.errors, 'en')).toEqual([
      'parties[1].breachAddress: not a valid e-mail address (art. 9.6)',
    ]);
  });

  it('reports every cross-reference error at once, not only the first', () => {
    const doc = rawConfig('igj-cibg.json');
    setAt(doc, 'processingActivities[0].controller', 'vws');
    setAt(doc, 'meetings[0].requiredAttendees[0].party', 'vws');
    setAt(doc, 'rules.minimumClassification[0].category', 'onbekend');
    const result = loadAgreement(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'processingActivities[0].controller',
        'meetings[0].requiredAttendees[0].party',
        'rules.minimumClassification[0].category',
      ]),
    );
  });

  it('refuses text that is not JSON with a clear message', () => {
    const result = loadAgreementText('{ "id": "igj-cibg", ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: '', code: 'invalid_json' });
    expect(result.errors[0].nl).toMatch(/^geen geldige JSON/);
  });
});
