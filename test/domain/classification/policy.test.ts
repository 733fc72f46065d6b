/** Classification policy: ordered levels, forbidden levels, minimum per category, restricted levels (art. 9.3, 10.1). */
import {
  classificationProblems,
  compareLevels,
  forbiddenLevel,
  isRestricted,
  minimumLevelFor,
  orderedLevels,
} from '../../../src/domain/classification';
import { shippedConfig } from '../agreement/shippedConfigs';

const config = shippedConfig('igj-cibg.json');

describe('classification policy (igj-cibg)', () => {
  it('orders the levels Openbaar < Intern < Departementaal Vertrouwelijk', () => {
    expect(orderedLevels(config).map((l) => l.label)).toEqual(['Openbaar', 'Intern', 'Departementaal Vertrouwelijk']);
    expect(compareLevels(config, 'openbaar', 'departementaal-vertrouwelijk')).toBeLessThan(0);
    expect(compareLevels(config, 'intern', 'intern')).toBe(0);
    expect(() => compareLevels(config, 'intern', 'geheim')).toThrow(/geheim/);
  });

  it('art. 10.1: only Departementaal Vertrouwelijk is restricted to the autorisatielijst groups', () => {
    expect(isRestricted(config, 'departementaal-vertrouwelijk')).toBe(true);
    expect(isRestricted(config, 'intern')).toBe(false);
    expect(isRestricted(config, 'stg-geheim')).toBe(false);
  });

  it.each(['stg-confidentieel', 'stg-geheim', 'stg-zeer-geheim'])('VIR-BI: %s is refused with its reason', (key) => {
    expect(forbiddenLevel(config, key)).toBeDefined();
    const [problem] = classificationProblems(config, key, []);
    expect(problem.code).toBe('forbidden_level');
    expect(problem.nl).toMatch(/Staatsgeheim/);
    expect(problem.source).toMatch(/VIR-BI/);
  });

  it('art. 10.1 / AVG art. 9: health data needs at least Departementaal Vertrouwelijk', () => {
    expect(minimumLevelFor(config, ['naw', 'gezondheid'])?.level.key).toBe('departementaal-vertrouwelijk');
    expect(minimumLevelFor(config, ['naw'])?.level.key).toBe('intern');
    expect(minimumLevelFor(config, [])).toBeUndefined();
    const problems = classificationProblems(config, 'intern', ['naw', 'gezondheid']);
    expect(problems).toEqual([expect.objectContaining({ code: 'below_minimum', category: 'gezondheid' })]);
    expect(problems[0].nl).toBe(
      "'Gezondheidsgegevens' vraagt minstens 'Departementaal Vertrouwelijk', gekozen is 'Intern'",
    );
  });

  it('accepts a level at or above every minimum', () => {
    expect(
      classificationProblems(config, 'departementaal-vertrouwelijk', ['naw', 'gezondheid', 'identificatie']),
    ).toEqual([]);
    expect(classificationProblems(config, 'intern', ['naw', 'big-gegevens'])).toEqual([]);
  });

  it('refuses an unknown level', () => {
    expect(classificationProblems(config, 'top-secret', [])[0].code).toBe('unknown_level');
  });
});
