/**
 * Substitute for the two lazy chunks of `@msinternal/sp-telemetry` 0.35.145 (compiled into sp-default-assembly) that
 * hold Microsoft's 1DS telemetry SDK: `chunk.88_none_cfa0d6aca4e4800802ce.js` and
 * `chunk.odsp-telemetry-1ds_none_c89259e527cd76b0d789.js`. SharePoint's CDN serves them; npm does not. The assembly's
 * telemetry (`_Telemetry.startRealTimeProcessing`, after the application started) loads them and creates
 * `new _OneDSLogger(tenantToken, context, config)` (module 919), then calls `logEvent`, `updateContext`, `flush` and
 * `setOffline`. This chunk provides that class as a local sink: events stay in the page (`window.__spfxHost.telemetry`,
 * the last 200) and nothing is sent anywhere: an offline host must not report to Microsoft's collector.
 */
interface TelemetryEvent {
  eventName?: string;
  data?: { name?: string };
}

const MAX_EVENTS = 200;

class OneDSLogger {
  public constructor(_tenantToken: string, _context: unknown, _config: unknown) {}

  public logEvent(event: TelemetryEvent): void {
    const w = window as unknown as { __spfxHost?: { telemetry?: string[]; failures: unknown[] } };
    w.__spfxHost = w.__spfxHost ?? { failures: [] };
    const list = (w.__spfxHost.telemetry = w.__spfxHost.telemetry ?? []);
    list.push(event?.data?.name ?? event?.eventName ?? 'event');
    if (list.length > MAX_EVENTS) list.splice(0, list.length - MAX_EVENTS);
  }

  public updateContext(): void {}

  public flush(): void {}

  public setOffline(): void {}
}

type WebpackRequire = { r(exports: object): void; d(exports: object, getters: Record<string, () => unknown>): void };
const JSONP = 'webpackJsonp_8217e442-8ed3-41fd-957d-b112e841286a_0.35.145';
const chunks = ((self as unknown as Record<string, unknown[]>)[JSONP] = (self as unknown as Record<string, unknown[]>)[JSONP] ?? []);
chunks.push([
  [88],
  {
    919: (_module: unknown, exports: object, require: WebpackRequire) => {
      require.r(exports);
      require.d(exports, { _OneDSLogger: () => OneDSLogger });
    },
  },
]);
export {};
