/** What the Register tab does with the ports: save a record and take a status step, with the domain rules first. */
import {
  checkEdit,
  replaceSuperseded,
  transition,
  validateRecord,
  withDerivedDates,
  type LinkedMeeting,
  type RegisterError,
  type RegisterRecord,
  type RegisterStatus,
  type ValidationContext,
} from '../../domain/register';
import type { Services } from '../../ports';
import { requireEtag } from '../../ports/registers';

/** The result of a save or a status step: the stored record, or the rules it broke (nothing stored then). */
export type RegisterOutcome =
  | { ok: true; record: RegisterRecord; superseded?: RegisterRecord }
  | { ok: false; errors: RegisterError[] };

/** Today as YYYY-MM-DD. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The bestuurlijk overleg and superseded record a change refers to (art. 13.2–13.3), loaded from the site. */
export async function loadContext(services: Services, r: RegisterRecord): Promise<ValidationContext> {
  const ctx: ValidationContext = {};
  if (r.meetingId !== undefined) {
    const meeting = (await services.meetings.list()).find((m) => m.id === r.meetingId);
    if (meeting) {
      const series = services.config.meetings.find((s) => s.key === meeting.series);
      const linked: LinkedMeeting = {
        id: r.meetingId,
        kind: series?.kind ?? meeting.series,
        date: meeting.date,
        status: meeting.status,
      };
      ctx.meeting = linked;
    }
  }
  if (r.supersedesId !== undefined) ctx.superseded = await services.agreements.get(r.supersedesId);
  return ctx;
}

/** Validates and stores a new or edited record; a signed agreement itself is not edited in place (art. 13.3). */
export async function saveRecord(
  services: Services,
  before: RegisterRecord | undefined,
  draft: RegisterRecord,
): Promise<RegisterOutcome> {
  const next = withDerivedDates(draft, services.config);
  const errors = [
    ...(before ? checkEdit(before, next) : []),
    ...validateRecord(next, services.config, await loadContext(services, next)),
  ];
  if (errors.length > 0) return { ok: false, errors };
  if (!before || before.id === undefined) {
    const first = { status: next.status, at: todayIso(), ...(await whoAmI(services)) };
    return { ok: true, record: await services.agreements.create({ ...next, history: [first] }) };
  }
  return {
    ok: true,
    record: await services.agreements.update(
      before.id,
      withoutIdentity(next),
      requireEtag({ etag: before.etag ?? next.etag }, `Overeenkomst ${before.id}`),
    ),
  };
}

/**
 * Takes one status step (domain rules first); when a new version of the agreement takes effect, the version it
 * supersedes becomes 'vervangen' (art. 13.3), after the new one is stored, so a failure never leaves neither in force.
 */
export async function stepStatus(
  services: Services,
  record: RegisterRecord,
  to: RegisterStatus,
  note: string,
): Promise<RegisterOutcome> {
  const ctx = {
    ...(await loadContext(services, record)),
    today: todayIso(),
    ...(await whoAmI(services)),
    ...(note ? { note } : {}),
  };
  const moved = transition(record, to, services.config, ctx);
  if (!moved.ok) return { ok: false, errors: moved.error };
  const stored = await services.agreements.update(
    Number(record.id),
    withoutIdentity(moved.value),
    requireEtag(record, `Overeenkomst ${record.id}`),
  );
  if (to === 'in werking' && ctx.superseded && ctx.superseded.status !== 'vervangen') {
    const old = replaceSuperseded(ctx.superseded, stored, services.config, { today: ctx.today, by: ctx.by, byId: ctx.byId });
    if (!old.ok) return { ok: false, errors: old.error };
    const superseded = await services.agreements.update(
      Number(old.value.id),
      withoutIdentity(old.value),
      requireEtag(old.value, `Overeenkomst ${old.value.id}`),
    );
    return { ok: true, record: stored, superseded };
  }
  return { ok: true, record: stored };
}

/** The record's fields without its id and etag (those address the item; they are not written). */
function withoutIdentity(r: RegisterRecord): Partial<RegisterRecord> {
  const patch: Partial<RegisterRecord> = { ...r };
  delete patch.id;
  delete patch.etag;
  return patch;
}

/** The signed-in person for the status history: the name shown, and the SharePoint user id the trace compares. */
async function whoAmI(services: Services): Promise<{ by: string; byId: number }> {
  const me = await services.site.currentUser();
  return { by: me.displayName, byId: me.id };
}
