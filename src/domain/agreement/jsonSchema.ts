/** JSON Schema of the configuration's shape, for editors that complete and check agreement.json as it is typed. */
import { toJSONSchema } from 'zod/mini';
import { agreementSchema } from './schema';

/** JSON Schema (draft 2020-12) of the file's shape; only loadAgreement checks cross-references. */
export function agreementJsonSchema(): Record<string, unknown> {
  return toJSONSchema(agreementSchema, { io: 'input' }) as Record<string, unknown>;
}
