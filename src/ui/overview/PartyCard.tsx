import { Subtitle2, Text } from '@fluentui/react-components';
import * as React from 'react';
import type { Party } from '../../domain/agreement/schema';
import { format } from '../../loc/text';
import { Panel, PanelHeader, Pill, PlainLink } from '../common/light';
import { useStrings } from '../services';
import { useOverviewStyles } from './useOverviewStyles';

/** Props of {@link PartyCard}. */
export interface PartyCardProps {
  party: Party;
  /** True for the signed-in user's own party. */
  isOwn?: boolean;
}

/** One party (partij): accounthouder (art. 5), contacts (annex 2a), privacy officer (art. 9.2), breach address (art. 9.6). */
export function PartyCard(props: PartyCardProps): React.ReactElement {
  const t = useStrings();
  const styles = useOverviewStyles();
  const p = props.party;
  const headingId = `party-${p.key}`;
  return (
    <Panel className={styles.card} aria-labelledby={headingId} data-party={p.key}>
      <PanelHeader
        header={
          <div className={styles.headerRow}>
            <Subtitle2 id={headingId} as="h3">
              {p.shortName}
            </Subtitle2>
            {props.isOwn && (
              <Pill tone="brand">{t.overviewOwnParty}</Pill>
            )}
          </div>
        }
        description={<Text className={styles.muted}>{p.name}</Text>}
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t.overviewAccounthouder}</dt>
        <dd className={styles.detail}>{p.accounthouder.functionTitle}</dd>
        <dt className={styles.term}>{t.overviewPrivacyOfficer}</dt>
        <dd className={styles.detail}>{p.privacyOfficer.functionTitle}</dd>
        <dt className={styles.term}>{t.overviewBreachAddress}</dt>
        <dd className={styles.detail}>
          <PlainLink href={`mailto:${p.breachAddress}`}>{p.breachAddress}</PlainLink>
        </dd>
        <dt className={styles.term}>{t.overviewContacts}</dt>
        <dd className={styles.detail}>
          <ul className={styles.list}>
            {[...p.contacts]
              .sort((a, b) => a.order - b.order)
              .map((c) => (
                <li key={`${c.order}-${c.email}`}>
                  <Text>
                    {format(t.overviewContactOrder, { order: c.order })}: {c.name}, {c.functionTitle}
                  </Text>
                  <br />
                  <PlainLink href={`mailto:${c.email}`}>{c.email}</PlainLink> ·{' '}
                  <PlainLink href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</PlainLink>
                </li>
              ))}
          </ul>
        </dd>
      </dl>
    </Panel>
  );
}
