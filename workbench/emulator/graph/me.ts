import { createHash } from 'crypto';
import type { EmulatorUser } from '../types';

/** The Graph `user` resource for a demo identity, as `GET /v1.0/me` answers it. */
export function userResource(user: EmulatorUser): Record<string, unknown> {
  const [givenName, ...rest] = user.displayName.split(' ');
  const phones = fictitiousPhones(user.email);
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
    id: user.aadId,
    displayName: user.displayName,
    givenName,
    surname: rest.join(' ') || null,
    jobTitle: user.jobTitle,
    mail: user.email,
    userPrincipalName: user.email,
    businessPhones: [phones.business],
    mobilePhone: phones.mobile,
    officeLocation: null,
    preferredLanguage: 'nl-NL',
  };
}

/** Applies `$select` as Graph does: only the named properties (plus the OData context) come back. */
export function applySelect(resource: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return resource;
  const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key.startsWith('@odata') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}

/**
 * Deterministic fictitious Dutch numbers derived from the address, so the datalek form (annex 2b asks for the
 * reporter's phone) has something realistic to prefill. The digits are a hash of the address, not anyone's number.
 */
function fictitiousPhones(email: string): { business: string; mobile: string } {
  const digits = BigInt('0x' + createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 15)).toString();
  const d = digits.padStart(16, '0');
  return {
    business: `+31 70 3${d.slice(0, 2)} ${d.slice(2, 6)}`,
    mobile: `+31 6 ${d.slice(6, 10)} ${d.slice(10, 14)}`,
  };
}
