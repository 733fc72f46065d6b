/** The second 1DS chunk of sp-telemetry (`chunk.odsp-telemetry-1ds_…`): its modules live in oneDsTelemetry.ts. */
const JSONP = 'webpackJsonp_8217e442-8ed3-41fd-957d-b112e841286a_0.35.145';
const chunks = ((self as unknown as Record<string, unknown[]>)[JSONP] = (self as unknown as Record<string, unknown[]>)[JSONP] ?? []);
chunks.push([[960], {}]);
export {};
