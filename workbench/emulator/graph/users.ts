/**
 * `GET /v1.0/users` with the one filter the product uses: `$filter=jobTitle eq '…'` (Graph supports eq on jobTitle
 * without advanced query headers and compares case-insensitively). Other filters answer 400 like Graph's
 * "Unsupported query", so a product query the emulator does not model fails loudly instead of returning everyone.
 */
import type { EmulatorRequest, EmulatorUser } from '../types';
import { GraphValidationError } from './errors';
import { applySelect, userResource } from './me';

const JOB_TITLE_EQ = /^\s*jobTitle\s+eq\s+'((?:[^']|'')*)'\s*$/i;

/** The `value` page of users matching the request's `$filter`, `$select` and `$top` (at most 999, as Graph). */
export function listUsers(directory: readonly EmulatorUser[], req: EmulatorRequest): Record<string, unknown> {
  const filter = req.query.get('$filter');
  let users = [...directory];
  if (filter !== null) {
    const m = JOB_TITLE_EQ.exec(filter);
    if (!m) throw new GraphValidationError(`Unsupported query: $filter=${filter}`, 'Request_UnsupportedQuery');
    const wanted = m[1].replace(/''/g, "'").toLowerCase();
    users = users.filter((u) => u.jobTitle.toLowerCase() === wanted);
  }
  const topRaw = req.query.get('$top');
  const top = topRaw === null ? 100 : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > 999)
    throw new GraphValidationError(`Invalid $top '${topRaw}': must be 1 to 999.`, 'Request_BadRequest');
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
    value: users.slice(0, top).map((u) => {
      const { ['@odata.context']: _context, ...resource } = applySelect(userResource(u), req.query.get('$select'));
      return resource;
    }),
  };
}
