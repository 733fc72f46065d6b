/**
 * How the UI treats a failed port call. The classification and the sentences live in src/domain/common/failure.ts, so
 * the flows (upload, datalek, overleg, integrity) and the screens say the same; this module gives the screens the
 * person's language.
 */
import { describeFailure, failureKind, type FailureKind } from '../../domain/common/failure';
import { pick } from '../../domain/common/types';

export { failureKind };
export type { FailureKind };

/**
 * A sentence safe to show as text (never HTML) for an error: what happened and what to do, in `lang`; never the raw
 * HTTP or OData message (show that with `FailureText`'s details toggle). Dutch unless `lang` is 'en'.
 */
export function errorMessage(error: unknown, lang: string = 'nl'): string {
  return pick(describeFailure(error).text, lang === 'en' ? 'en' : 'nl');
}
