/** Test helper: valid starting inputs for the doelbinding check, one per shipped agreement. */
import type { DoelbindingInput } from '../../../src/domain/doelbinding';

/** A necessity justification long enough for art. 9.1. */
export const NECESSITY = 'De tuchtmaatregel moet in het BIG-register worden aangetekend.';

/** IGJ shares a disciplinary measure with the CIBG for the register: allowed as is. */
export function igjCibgInput(
  overrides: Partial<DoelbindingInput> = {},
  answers: Partial<DoelbindingInput['answers']> = {},
): DoelbindingInput {
  return {
    documentType: 'signaal',
    classification: 'intern',
    findings: [{ kind: 'big', count: 1 }],
    recipients: ['cibg'],
    uploaderParty: 'igj',
    ...overrides,
    answers: {
      containsPersonalData: true,
      activityKey: 'tuchtmaatregelen',
      categories: ['naw', 'big-gegevens'],
      necessity: NECESSITY,
      lessDataPossible: false,
      ...answers,
    },
  };
}
