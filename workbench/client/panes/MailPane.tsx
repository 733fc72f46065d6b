import { Select, Spinner, Subtitle2, Tab, TabList, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { WorkbenchSession } from '../../session';
import { formatInstant } from './formatInstant';
import { htmlToText } from './htmlToText';
import { mailbox, type GraphRecipient, type MailMessage } from './readback';
import { usePaneStyles } from './usePaneStyles';
import { usePolling } from './usePolling';

/** Props of {@link MailPane}. */
export interface MailPaneProps {
  mailboxes: WorkbenchSession['mailboxes'];
  selected: string | undefined;
  onSelect: (address: string) => void;
}

/** "Postvak": what arrived in (or was sent from) a mailbox, bodies shown as plain text, never as HTML. */
export default function MailPane(props: MailPaneProps): React.ReactElement {
  const styles = usePaneStyles();
  const address = props.selected && props.mailboxes.some((m) => m.address === props.selected) ? props.selected : props.mailboxes[0]?.address;
  const [folder, setFolder] = React.useState<'inbox' | 'sentItems'>('inbox');
  return (
    <div className={styles.root} data-testid="pane-postvak">
      <div className={styles.toolbar}>
        <Subtitle2 as="h2">Postvak</Subtitle2>
        <Select aria-label="Postvak" value={address} onChange={(_, d) => props.onSelect(d.value)}>
          {props.mailboxes.map((m) => (
            <option key={m.address} value={m.address}>
              {m.address} — {m.label}
            </option>
          ))}
        </Select>
        <TabList size="small" selectedValue={folder} onTabSelect={(_, d) => setFolder(d.value as 'inbox' | 'sentItems')}>
          <Tab value="inbox">Postvak IN</Tab>
          <Tab value="sentItems">Verzonden</Tab>
        </TabList>
      </div>
      {address && <Messages key={address} address={address} folder={folder} />}
    </div>
  );
}

function Messages(props: { address: string; folder: 'inbox' | 'sentItems' }): React.ReactElement {
  const styles = usePaneStyles();
  const state = usePolling(() => mailbox(props.address), props.address);
  if (state.status === 'loading') return <Spinner size="small" label="Postvak lezen…" />;
  if (state.status === 'error') return <Text className={styles.warn}>{state.message}</Text>;
  const list = state.value[props.folder];
  if (list.length === 0) return <Text className={styles.meta}>Geen berichten.</Text>;
  return (
    <>
      {list.map((m) => (
        <Mail key={m.id} mail={m} />
      ))}
    </>
  );
}

const names = (rs: GraphRecipient[] | undefined): string =>
  (rs ?? [])
    .map(({ emailAddress: { name, address } }) => (name && name.toLowerCase() !== address.toLowerCase() ? `${name} <${address}>` : address))
    .join(', ');

function Mail(props: { mail: MailMessage }): React.ReactElement {
  const styles = usePaneStyles();
  const m = props.mail;
  const body = m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content;
  return (
    <article className={styles.item} data-testid="mail-message">
      <Text weight="semibold">{m.subject || '(geen onderwerp)'}</Text>
      <dl className={`${styles.facts} ${styles.meta}`}>
        <dt>Van</dt>
        <dd>{names([m.from])}</dd>
        <dt>Aan</dt>
        <dd>{names(m.toRecipients)}</dd>
        {m.ccRecipients?.length > 0 && (
          <>
            <dt>Cc</dt>
            <dd>{names(m.ccRecipients)}</dd>
          </>
        )}
        <dt>Ontvangen</dt>
        <dd>{formatInstant(m.receivedDateTime)}</dd>
      </dl>
      <p className={styles.text}>{body}</p>
    </article>
  );
}
