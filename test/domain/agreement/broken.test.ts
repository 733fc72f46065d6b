/** Broken configurations (fixture files in test/fixtures/agreements) are refused with errors naming the JSON path. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { formatConfigErrors, loadAgreement, loadAgreementText, type ConfigError } from '../../../src/domain/agreement';
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
  /** Errors: the configuration must be refused with these. */
  expect?: ExpectedError[];
  /** Warnings: the configuration loads, with these warnings. */
  warn?: ExpectedError[];
}

const DIR = join(__dirname, '..', '..', 'fixtures', 'agreements');
const all = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture] as const);
const fixtures = all.filter(([, fx]) => fx.expect !== undefined);
const warnings = all.filter(([, fx]) => fx.warn !== undefined);

/** Asserts that `want` is among `got`, with its Dutch text and source when given, and bilingual. */
function expectListed(got: ConfigError[], want: ExpectedError): void {
  const hit = got.find((e) => e.path === want.path && e.code === want.code);
  expect({ want, hit: hit ?? got }).toEqual({ want, hit: expect.objectContaining({ path: want.path }) });
  if (!hit) return;
  if (want.nl) expect(hit.nl).toContain(want.nl);
  if (want.source) expect(hit.source).toBe(want.source);
  expect(hit.nl.length).toBeGreaterThan(0);
  expect(hit.en.length).toBeGreaterThan(0);
  expect(hit.en).not.toBe(hit.nl);
}

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
    for (const want of fx.expect ?? []) expectListed(result.errors, want);
  });

  it.each(warnings)('%s loads with the expected warning', (_file, fx) => {
    const result = loadAgreement(buildDocument(fx));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    for (const want of fx.warn ?? []) expectListed(result.warnings, want);
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
