import { mergeClasses, Subtitle1, Text } from '@fluentui/react-components';
import * as React from 'react';
import { effectiveDate } from '../../domain/agreement/queries';
import type { AgreementConfig } from '../../domain/agreement/schema';
import { format } from '../../loc/text';
import { Panel, PanelHeader } from '../common/light';
import { useStrings } from '../services';
import { formatDate } from './formatDate';
import { useOverviewStyles } from './useOverviewStyles';

/** Props of {@link AgreementCard}. */
export interface AgreementCardProps {
  agreement: AgreementConfig;
}

/** The agreement record: title, signing (art. 14), version and effective date when known. */
export function AgreementCard(props: AgreementCardProps): React.ReactElement {
  const t = useStrings();
  const styles = useOverviewStyles();
  const a = props.agreement.agreement;
  const inForce = effectiveDate(props.agreement);
  return (
    <Panel className={mergeClasses(styles.card, styles.wide)} aria-labelledby="agreement-title">
      <PanelHeader
        header={
          <Subtitle1 id="agreement-title" as="h2" className={styles.title}>
            {a.title}
          </Subtitle1>
        }
        description={<Text className={styles.muted}>{t.overviewAgreement}</Text>}
      />
      <div className={styles.inline}>
        <Text>{format(t.overviewSignedOn, { date: formatDate(a.signedOn), place: a.signedAt })}</Text>
        <Text>{format(t.overviewVersion, { version: a.version })}</Text>
        <Text>{inForce ? format(t.overviewEffectiveFrom, { date: formatDate(inForce) }) : t.overviewNotYetInForce}</Text>
      </div>
    </Panel>
  );
}
