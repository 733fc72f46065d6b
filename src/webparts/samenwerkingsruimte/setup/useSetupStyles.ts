import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the setup panel: one column, the step report scrolling when long. */
export const useSetupStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: '320px',
    overflowY: 'auto',
  },
});
