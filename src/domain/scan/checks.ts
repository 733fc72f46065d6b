/** Checksums and calendar checks behind the detectors: elfproef (BSN), ISO 13616 mod-97 (IBAN), real dates. */

/**
 * Elfproef for a BSN: weights 9..2 on the first eight digits and -1 on the last; the sum must be divisible by 11.
 * `digits` must be exactly nine ASCII digits. All zeros passes the arithmetic but is not a BSN, so it is refused.
 */
export function isValidBsn(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  let allZero = true;
  for (let k = 0; k < 9; k++) {
    const d = digits.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    if (d !== 0) allZero = false;
    sum += k === 8 ? -d : d * (9 - k);
  }
  return !allZero && sum % 11 === 0;
}

/**
 * ISO 13616 check: move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
 * Computed digit by digit so any length works without big integers. `iban` is compact and upper-case.
 */
export function ibanMod97(iban: string): number {
  let rem = 0;
  const n = iban.length;
  for (let k = 0; k < n; k++) {
    const c = iban.charCodeAt((k + 4) % n);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return -1;
  }
  return rem;
}

/** True when the compact upper-case IBAN passes mod-97. */
export function isValidIbanChecksum(iban: string): boolean {
  return ibanMod97(iban) === 1;
}

/** True when day/month/year form a real Gregorian calendar date. */
export function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/** Whole years between a date and the reference day (negative when the date lies after the reference). */
export function ageOn(day: number, month: number, year: number, ref: Date): number {
  const ry = ref.getUTCFullYear();
  const rm = ref.getUTCMonth() + 1;
  const rd = ref.getUTCDate();
  let age = ry - year;
  if (rm < month || (rm === month && rd < day)) age -= 1;
  if (ry < year || (ry === year && (rm < month || (rm === month && rd < day)))) return -1;
  return age;
}
