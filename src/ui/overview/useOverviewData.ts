import type { AgreementConfig, Party } from '../../domain/agreement/schema';
import { partyByKey, partyForEmail } from '../../domain/agreement/queries';
import type { Services } from '../../ports';
import type { ExchangeDocument } from '../../ports/documents';
import type { UserProfile } from '../../ports/directory';
import { failureKind } from '../common/errors';
import { useAsync, type AsyncResult } from '../common/useAsync';
import { useServices } from '../services';
import { OVERVIEW_QUERY } from './overviewQuery';

export { OVERVIEW_PAGE_SIZE } from './overviewQuery';

/** Everything the Overzicht tab shows; `documents` is 'denied' when the library refuses the caller (art. 10.1). */
export interface OverviewData {
  agreement: AgreementConfig;
  user: UserProfile;
  /** The party (partij) the user's account belongs to; undefined for someone outside the agreement. */
  party: Party | undefined;
  documents: { items: ExchangeDocument[]; more: boolean } | 'denied';
}

/** The agreement (loaded by the composition root), the current user and the documents the library shows them. */
export async function loadOverview(services: Services): Promise<OverviewData> {
  const agreement = services.config;
  const user = await services.directory.currentUser();
  const party = (user.party ? partyByKey(agreement, user.party) : undefined) ?? partyForEmail(agreement, user.email);
  let documents: OverviewData['documents'];
  try {
    const page = await services.documents.list(OVERVIEW_QUERY);
    documents = { items: page.items, more: page.nextPageToken !== undefined };
  } catch (e) {
    // art. 10.1: only the autorisatielijst reaches the library; a refusal is a state to show, not a crash.
    if (failureKind(e) !== 'denied') throw e;
    documents = 'denied';
  }
  return { agreement, user, party, documents };
}

/** Hook form of {@link loadOverview} for the current {@link Services}. */
export function useOverviewData(): AsyncResult<OverviewData> {
  const services = useServices();
  return useAsync(() => loadOverview(services), [services]);
}
