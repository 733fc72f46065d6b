/**
 * Substitute for `@msinternal/sp-edit-customer-promise` 0.1.0 (id 42647dee-1f75-4b9f-b521-5c844a6c35cc), which
 * sp-webpart-base 1.23.2 imports (`_logFailuresForEditCustomerPromise`, `_EditModeCustomerPromiseHandler`) and only
 * SharePoint's CDN serves. In SharePoint it reports a web part's load, init and render failures to Microsoft's
 * "edit customer promise" telemetry. Here the same calls land in `window.__spfxHost.failures` and the console, where
 * the browser tests read them (docs/spfx-host.md, "What only SharePoint Online serves").
 */
import { ServiceKey } from '@microsoft/sp-core-library';

/** What sp-webpart-base reports (BaseWebPartHost._logFailuresForEditCustomerPromise). */
export interface EditCustomerPromiseFailure {
  errorCode?: string;
  errorMessage?: string;
  errorScenario?: string;
  errorStack?: string;
  veto?: string;
}

interface HostWindow {
  __spfxHost?: { failures: EditCustomerPromiseFailure[] };
}

function record(details: EditCustomerPromiseFailure): void {
  const w = window as unknown as HostWindow;
  w.__spfxHost = w.__spfxHost ?? { failures: [] };
  w.__spfxHost.failures = w.__spfxHost.failures ?? [];
  w.__spfxHost.failures.push({ ...details });
  // eslint-disable-next-line no-console
  console.error(`[spfx-host] ${details.errorCode ?? 'failure'} (${details.errorScenario ?? '?'}): ${details.errorMessage ?? ''}`);
}

/** Called by sp-webpart-base with a web part's failure. */
export function _logFailuresForEditCustomerPromise(details: EditCustomerPromiseFailure): void {
  record(details);
}

/** The service BaseWebPart consumes for property pane update failures of internal web parts. */
export class _EditModeCustomerPromiseHandler {
  public static readonly serviceKey = ServiceKey.create<_EditModeCustomerPromiseHandler>(
    'sp-edit-customer-promise:EditModeCustomerPromiseHandler',
    _EditModeCustomerPromiseHandler,
  );

  public readonly logFailure = (details: EditCustomerPromiseFailure): void => record(details);
}
