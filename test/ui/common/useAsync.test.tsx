/** @jest-environment jsdom */
/**
 * useAsync: `reload` starts over from 'loading'; `refresh` loads again while what was loaded stays on screen (a form
 * and the focus on its message survive a save); a slow old answer never overwrites a newer one.
 */
import { act, render, screen } from '@testing-library/react';
import * as React from 'react';
import { useAsync, type AsyncResult } from '../../../src/ui/common/useAsync';

/** A load whose answers the test releases one by one. */
function deferredLoads(): { load: () => Promise<number>; answer(value: number): Promise<void> } {
  const pending: Array<(v: number) => void> = [];
  return {
    load: () => new Promise<number>((resolve) => pending.push(resolve)),
    async answer(value) {
      await act(async () => {
        pending.shift()?.(value);
      });
    },
  };
}

function Shown(props: { load: () => Promise<number>; expose: (r: AsyncResult<number>) => void }): React.ReactElement {
  const r = useAsync(props.load, []);
  props.expose(r);
  return <p data-testid="state">{r.status === 'ok' ? `value ${r.value}` : r.status}</p>;
}

it('reload shows loading again; refresh keeps the value until the new one arrives', async () => {
  const loads = deferredLoads();
  let result: AsyncResult<number> | undefined;
  render(<Shown load={loads.load} expose={(r) => (result = r)} />);
  const state = (): string => screen.getByTestId('state').textContent ?? '';
  expect(state()).toBe('loading');
  await loads.answer(1);
  expect(state()).toBe('value 1');

  act(() => result?.refresh());
  expect(state()).toBe('value 1');
  await loads.answer(2);
  expect(state()).toBe('value 2');

  act(() => result?.reload());
  expect(state()).toBe('loading');
  await loads.answer(3);
  expect(state()).toBe('value 3');
});

it('an answer to a load that a newer one replaced is dropped', async () => {
  const loads = deferredLoads();
  let result: AsyncResult<number> | undefined;
  render(<Shown load={loads.load} expose={(r) => (result = r)} />);
  await loads.answer(1);
  act(() => result?.refresh());
  act(() => result?.refresh());
  await loads.answer(2); // the first refresh's answer: replaced by the second
  expect(screen.getByTestId('state').textContent).toBe('value 1');
  await loads.answer(3);
  expect(screen.getByTestId('state').textContent).toBe('value 3');
});

it('a refresh that meets a change of what is loaded (new deps) starts from loading: no old record on screen', async () => {
  const loads = deferredLoads();
  let result: AsyncResult<number> | undefined;
  function Keyed(props: { id: number }): React.ReactElement {
    const r = useAsync(loads.load, [props.id]);
    result = r;
    return <p data-testid="state">{r.status === 'ok' ? `value ${r.value}` : r.status}</p>;
  }
  const view = render(<Keyed id={1} />);
  await loads.answer(1);
  expect(screen.getByTestId('state').textContent).toBe('value 1');
  act(() => {
    result?.refresh();
    view.rerender(<Keyed id={2} />);
  });
  expect(screen.getByTestId('state').textContent).toBe('loading');
  await loads.answer(2); // one load for both (one render): record 2's
  expect(screen.getByTestId('state').textContent).toBe('value 2');
});
