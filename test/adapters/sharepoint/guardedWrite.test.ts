/**
 * The guarded write rules (no blind overwrites) on their own: no etag, stale, lost answer, repeat, gone; and value
 * comparison.
 */
import {
  MissingEtagError,
  answerLost,
  guardedDelete,
  guardedUpdate,
  holdsFields,
  requireEtag,
  sameValue,
  type GuardedWrite,
  type ItemNow,
} from '../../../src/adapters/sharepoint/guardedWrite';
import { ConcurrencyError } from '../../../src/ports/documents';

/** An HTTP error as PnPjs raises it (status on the error). */
const http = (status: number): Error => Object.assign(new Error(`HTTP ${status}`), { status });
/** A dropped connection as fetch raises it. */
const dropped = (): Error => new TypeError('fetch failed');

/** A write whose sends and reads answer from the given scripts, counting each. */
function write(sends: Array<Error | null>, reads: Array<ItemNow | Error>, etag: string | null = '"3"') {
  const counts = { sent: [] as string[], read: 0 };
  const w: GuardedWrite = {
    method: 'Test.update',
    what: 'Item 7',
    etag: etag ?? undefined,
    send: async (e) => {
      counts.sent.push(e);
      const next = sends.shift();
      if (next) throw next;
    },
    read: async () => {
      counts.read++;
      const next = reads.shift();
      if (!next) throw new Error('unexpected read');
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { w, counts };
}

describe('requireEtag', () => {
  it.each([undefined, null, '', '  ', '*', ' * '])('refuses %p, naming the method and the item', (etag) => {
    expect(() => requireEtag(etag, 'PnpX.update', 'Item 1')).toThrow(MissingEtagError);
    expect(() => requireEtag(etag, 'PnpX.update', 'Item 1')).toThrow(/PnpX\.update voor Item 1 aangeroepen zonder etag/);
  });
  it('passes a real etag through', () => expect(requireEtag('"4"', 'm', 'w')).toBe('"4"'));
});

describe('answerLost', () => {
  it('is true for a dropped connection (also from another realm) and a 504', () => {
    expect(answerLost(dropped())).toBe(true);
    expect(answerLost({ name: 'TypeError', message: 'Failed to fetch' })).toBe(true);
    expect(answerLost(new Error('NetworkError when attempting to fetch resource.'))).toBe(true);
    expect(answerLost(http(504))).toBe(true);
  });
  it('is false for answers and aborts', () => {
    for (const s of [400, 403, 404, 409, 412, 429, 500, 503]) expect(answerLost(http(s))).toBe(false);
    expect(answerLost(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
    expect(answerLost(new Error('Overeenkomst 3: regel geschonden'))).toBe(false);
    expect(answerLost('x')).toBe(false);
  });
});

describe('guardedUpdate', () => {
  it('sends nothing without an etag', async () => {
    const { w, counts } = write([], [], null);
    await expect(guardedUpdate(w)).rejects.toBeInstanceOf(MissingEtagError);
    expect(counts.sent).toEqual([]);
  });

  it('sends once with the etag it was given', async () => {
    const { w, counts } = write([null], []);
    await guardedUpdate(w);
    expect(counts).toEqual({ sent: ['"3"'], read: 0 });
  });

  it('412: done when the item already holds the write, else a ConcurrencyError naming the item', async () => {
    const held = write([http(412)], [{ etag: '"4"', holdsWrite: true }]);
    await guardedUpdate(held.w);
    expect(held.counts.sent).toHaveLength(1);
    const other = write([http(412)], [{ etag: '"4"', holdsWrite: false }]);
    const e = await guardedUpdate(other.w).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConcurrencyError);
    expect((e as Error).message).toMatch(/^Item 7 is intussen door iemand anders gewijzigd; laad opnieuw/);
  });

  it('lost answer: landed → done; unchanged → sent again with the same etag; changed by someone → ConcurrencyError', async () => {
    const landed = write([dropped()], [{ etag: '"4"', holdsWrite: true }]);
    await guardedUpdate(landed.w);
    expect(landed.counts.sent).toEqual(['"3"']);
    const unchanged = write([dropped(), null], [{ etag: '"3"', holdsWrite: false }]);
    await guardedUpdate(unchanged.w);
    expect(unchanged.counts.sent).toEqual(['"3"', '"3"']);
    const changed = write([dropped()], [{ etag: '"5"', holdsWrite: false }]);
    await expect(guardedUpdate(changed.w)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(changed.counts.sent).toHaveLength(1);
  });

  it('gives up after a few lost answers on an unchanged item, with the network error', async () => {
    const still = { etag: '"3"', holdsWrite: false };
    const { w, counts } = write([dropped(), dropped(), dropped()], [still, still, still]);
    await expect(guardedUpdate(w)).rejects.toThrow('fetch failed');
    expect(counts.sent).toHaveLength(3);
  });

  it('an item deleted meanwhile is a ConcurrencyError; other errors pass unchanged', async () => {
    await expect(guardedUpdate(write([http(412)], [http(404)]).w)).rejects.toThrow(/intussen verwijderd/);
    await expect(guardedUpdate(write([http(403)], []).w)).rejects.toMatchObject({ status: 403 });
  });
});

describe('guardedDelete', () => {
  it('refuses without an etag; gone already is done; 412 is a ConcurrencyError', async () => {
    await expect(guardedDelete(write([], [], '*').w)).rejects.toBeInstanceOf(MissingEtagError);
    await guardedDelete(write([http(404)], []).w);
    await guardedDelete(write([dropped()], [http(404)]).w);
    await expect(guardedDelete(write([http(412)], [{ etag: '"9"', holdsWrite: false }]).w)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });
});

describe('sameValue / holdsFields', () => {
  it('compares as SharePoint stores: empty, instants, JSON notes, arrays, URL fields', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue('2026-12-07T11:00:00.000Z', '2026-12-07T11:00:00Z')).toBe(true);
    expect(sameValue('2026-12-07T11:00:00Z', '2026-12-07T12:00:00Z')).toBe(false);
    expect(sameValue('{"a":1,"b":[1,2]}', '{"b":[1,2],"a":1}')).toBe(true);
    expect(sameValue('{"a":1}', '{"a":2}')).toBe(false);
    expect(sameValue(['igj', 'cibg'], ['igj', 'cibg'])).toBe(true);
    expect(sameValue(['igj'], ['igj', 'cibg'])).toBe(false);
    expect(sameValue({ Url: 'https://x/v', Description: 'Verslag' }, { Url: 'https://x/v', Description: 'Verslag' })).toBe(true);
    expect(sameValue(3, '3')).toBe(false);
  });
  it('holds when every written field has its value, whatever else changed', () => {
    expect(holdsFields({ Status: 'gehouden' }, { Status: 'gehouden', Title: 'anders' })).toBe(true);
    expect(holdsFields({ Status: 'gehouden', Verslag: 'a' }, { Status: 'gehouden', Verslag: 'b' })).toBe(false);
  });
});
