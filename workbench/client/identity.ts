/** Name of the cookie that carries the demo identity to the emulator (team contract). */
export const IDENTITY_COOKIE = 'EmuAuth';

/** The identity key in the page's cookie, or null when none is chosen (anonymous: the emulator answers 401). */
export function currentIdentity(cookie: string = document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === IDENTITY_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

/** Signs in as a demo identity: sets the cookie for the whole origin, so PnPjs and Graph requests both carry it. */
export function setIdentity(key: string): void {
  document.cookie = `${IDENTITY_COOKIE}=${encodeURIComponent(key)}; path=/; SameSite=Strict`;
}
