/** The register views the tab offers, in order: the accounthouder's own first (art. 5). */
import type { AgreementView } from '../../ports/registers';

/** "Mijn overeenkomsten", "Evaluatie nodig" (art. 13.2), "DVA verloopt" (art. 12), then all records. */
export const REGISTER_VIEWS: readonly AgreementView[] = ['mijn', 'evaluatie-nodig', 'dva-verloopt', 'alle'];
