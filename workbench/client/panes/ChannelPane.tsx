import { Select, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { PaneChannel } from '../../session';
import { AdaptiveCardView } from './AdaptiveCardView';
import { htmlToText } from './htmlToText';
import { channelMessages, type ChannelMessage } from './readback';
import { formatInstant } from './formatInstant';
import { usePaneStyles } from './usePaneStyles';
import { usePolling } from './usePolling';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Props of {@link ChannelPane}. */
export interface ChannelPaneProps {
  channels: PaneChannel[];
}

/** "Kanaal": the Teams channel messages the product posted, each Adaptive Card rendered as Teams renders it. */
export default function ChannelPane(props: ChannelPaneProps): React.ReactElement {
  const styles = usePaneStyles();
  const [index, setIndex] = React.useState(0);
  const channel = props.channels[index];
  if (!channel) return <Text>Er is geen Team-kanaal geconfigureerd (space.teamId / space.channelId).</Text>;
  return (
    <div className={styles.root} data-testid="pane-kanaal">
      <div className={styles.toolbar}>
        <Subtitle2 as="h2">Kanaal</Subtitle2>
        <Select aria-label="Kanaal" value={String(index)} onChange={(_, d) => setIndex(Number(d.value))}>
          {props.channels.map((c, i) => (
            <option key={c.channelId} value={i}>
              {c.label}
            </option>
          ))}
        </Select>
      </div>
      <Messages key={`${channel.teamId}/${channel.channelId}`} channel={channel} />
    </div>
  );
}

function Messages(props: { channel: PaneChannel }): React.ReactElement {
  const styles = usePaneStyles();
  const { teamId, channelId } = props.channel;
  const state = usePolling(() => channelMessages(teamId, channelId), `${teamId}/${channelId}`);
  if (state.status === 'loading') return <Spinner size="small" label="Kanaal lezen…" />;
  if (state.status === 'error') return <Text className={styles.warn}>{state.message}</Text>;
  if (state.value.messages.length === 0) return <Text className={styles.meta}>Nog geen berichten in dit kanaal.</Text>;
  return (
    <>
      {state.value.messages.map((m) => (
        <Message key={m.id} message={m} />
      ))}
    </>
  );
}

function Message(props: { message: ChannelMessage }): React.ReactElement {
  const styles = usePaneStyles();
  const m = props.message;
  const cards = m.attachments.filter((a) => a.contentType === CARD && typeof a.content === 'string');
  // The body of a card message is only `<attachment id=...>` markers; anything else is shown as text.
  const text = (m.body.contentType === 'html' ? htmlToText(m.body.content) : m.body.content).trim();
  return (
    <article className={styles.item} data-testid="channel-message">
      <Text className={styles.meta}>
        {m.from?.user?.displayName ?? 'Onbekende afzender'} · {formatInstant(m.createdDateTime)}
      </Text>
      {m.subject && <Text weight="semibold">{m.subject}</Text>}
      {text && <p className={styles.text}>{text}</p>}
      {cards.map((a) => (
        <AdaptiveCardView key={a.id} json={a.content as string} />
      ))}
    </article>
  );
}
