/** JSON Schema of the configuration's shape, for editors that complete and check agreement.json as it is typed. */
import { z } from 'zod';
import { agreementSchema } from './schema';

/** JSON Schema (draft 2020-12) of the file's shape; only loadAgreement checks cross-references. */
export function agreementJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(agreementSchema, { io: 'input' }) as Record<string, unknown>;
}
