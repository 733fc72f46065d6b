import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import * as React from 'react';
import { useStrings } from '../services';

/** Said to someone who is in the space but in no party of the agreement: only a party's members share (art. 10.1). */
export function NoPartyNotice(): React.ReactElement {
  const t = useStrings();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{t.uploadNoParty}</MessageBarBody>
    </MessageBar>
  );
}

/** Default export for `React.lazy`. */
export default NoPartyNotice;
