import { Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { Party } from '../../domain/agreement/schema';
import { format } from '../../loc/text';
import { Panel, PanelHeader, PersonLine } from '../common/light';
import type { UserProfile } from '../../ports/directory';
import { useStrings } from '../services';
import { useOverviewStyles } from './useOverviewStyles';

/** Props of {@link YouCard}. */
export interface YouCardProps {
  user: UserProfile;
  party: Party | undefined;
}

/** The signed-in person and the party their account belongs to. */
export function YouCard(props: YouCardProps): React.ReactElement {
  const t = useStrings();
  const styles = useOverviewStyles();
  const { user, party } = props;
  return (
    <Panel className={styles.card} aria-labelledby="you-title" data-testid="you">
      <PanelHeader header={<Subtitle2 id="you-title" as="h2">{t.overviewYou}</Subtitle2>} />
      <PersonLine name={user.displayName} secondary={user.jobTitle ?? undefined} tertiary={user.email} />
      <Text data-testid="current-party">
        {party ? format(t.overviewYourParty, { party: `${party.shortName} (${party.name})` }) : t.overviewNoParty}
      </Text>
    </Panel>
  );
}
