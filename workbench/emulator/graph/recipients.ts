import { invalid } from './errors';
import { isObject } from './json';

/** A Graph `recipient`: `{ emailAddress: { address, name } }`. */
export interface Recipient {
  emailAddress: { address: string; name: string };
}

const SMTP = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** Validates an optional recipient array at `field`; Exchange refuses a bad address with ErrorInvalidRecipients. */
export function parseRecipients(value: unknown, field: string): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) invalid(field, 'must be an array of recipients.');
  return value.map((entry, i) => {
    const at = `${field}[${i}].emailAddress.address`;
    if (!isObject(entry) || !isObject(entry.emailAddress)) invalid(`${field}[${i}].emailAddress`, 'is required.');
    const { address, name } = entry.emailAddress;
    if (typeof address !== 'string' || !SMTP.test(address.trim())) {
      invalid(at, `'${String(address)}' is not a valid SMTP address.`, 'ErrorInvalidRecipients');
    }
    if (name !== undefined && name !== null && typeof name !== 'string')
      invalid(`${field}[${i}].emailAddress.name`, 'must be a string.');
    return {
      emailAddress: { address: address.trim(), name: typeof name === 'string' && name ? name : address.trim() },
    };
  });
}

/** Validates an `itemBody` (`{ contentType: text|html, content }`) at `field`. */
export function parseItemBody(value: unknown, field: string): { contentType: 'text' | 'html'; content: string } {
  if (value === undefined || value === null) return { contentType: 'text', content: '' };
  if (!isObject(value)) invalid(field, 'must be an itemBody object.');
  const type = value.contentType === undefined ? 'text' : value.contentType;
  if (typeof type !== 'string' || !['text', 'html'].includes(type.toLowerCase())) {
    invalid(`${field}.contentType`, `'${String(type)}' is not one of 'text', 'html'.`);
  }
  if (value.content !== undefined && typeof value.content !== 'string')
    invalid(`${field}.content`, 'must be a string.');
  return { contentType: type.toLowerCase() as 'text' | 'html', content: (value.content as string | undefined) ?? '' };
}
