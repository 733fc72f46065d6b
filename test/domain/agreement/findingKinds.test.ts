/** The finding kinds a configuration may name are exactly the kinds the scanner produces. */
import { findingKindSchema } from '../../../src/domain/agreement';
import { FINDING_KINDS } from '../../../src/domain/scan/types';

describe('finding kinds', () => {
  it('match src/domain/scan/types.ts', () => {
    expect([...findingKindSchema.options].sort()).toEqual([...FINDING_KINDS].sort());
  });
});
