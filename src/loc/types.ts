import type { nlNL } from './nl-nl';

/** The key set of the UI strings; Dutch (nl-NL) is the reference every other language must match. */
export type StringKey = keyof typeof nlNL;

/** One language's UI strings. */
export type Strings = Record<StringKey, string>;

/** Supported UI locales. */
export type Locale = 'nl-nl' | 'en-us';
