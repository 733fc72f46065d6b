/** The input must name a known document type, an uploading party and recipients of the agreement. */
import { reason } from '../reason';
import type { Reason } from '../types';
import type { Rule } from './context';

/** Document type, uploader and recipients exist (art. 10.1: only parties to the agreement share here). */
export const checkReferences: Rule = ({ input, config }) => {
  const reasons: Reason[] = [];
  const parties = new Set(config.parties.map((p) => p.key));
  if (!config.documentTypes.some((d) => d.key === input.documentType))
    reasons.push(
      reason(
        'document_type_unknown',
        'refused',
        'art. 11, 12 (samenwerkingsovereenkomst)',
        `documenttype '${input.documentType}' is onbekend in deze overeenkomst`,
        `document type '${input.documentType}' is not known in this agreement`,
      ),
    );
  if (!parties.has(input.uploaderParty))
    reasons.push(
      reason(
        'uploader_not_party',
        'refused',
        'art. 10.1',
        'u hoort niet bij een partij van deze overeenkomst en mag hier niet delen',
        'you do not belong to a party of this agreement and may not share here',
      ),
    );
  if (input.recipients.length === 0)
    reasons.push(
      reason(
        'recipient_missing',
        'refused',
        'art. 8',
        'kies met welke partij u deelt',
        'choose which party you share with',
      ),
    );
  for (const r of input.recipients)
    if (!parties.has(r))
      reasons.push(
        reason(
          'recipient_unknown',
          'refused',
          'art. 8',
          `ontvanger '${r}' is geen partij van deze overeenkomst`,
          `recipient '${r}' is not a party to this agreement`,
        ),
      );
  return reasons;
};
