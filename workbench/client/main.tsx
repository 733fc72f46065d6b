import 'adaptivecards/lib/adaptivecards.css';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import type { WorkbenchSession } from '../session';
import { currentIdentity, setIdentity } from './identity';
import { Workbench } from './Workbench';

/** Entry of the workbench page: reads the session, signs in as the first demo identity on a first visit, renders. */
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const res = await fetch('/_workbench/session', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`/_workbench/session answered ${res.status}`);
  const session = (await res.json()) as WorkbenchSession;
  // A first visit has no cookie: start as the first demo identity rather than as nobody (the switcher offers "Niemand").
  if (currentIdentity() === null && !document.cookie.includes('EmuAuth=')) setIdentity(session.identities[0].key);
  ReactDOM.render(<Workbench session={session} />, root);
}

boot().catch((e: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `De workbench kon niet starten: ${e instanceof Error ? e.message : String(e)}`;
});
