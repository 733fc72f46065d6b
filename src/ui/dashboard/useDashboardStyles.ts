import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the dashboard frame: title bar, tab list and the tab's panel. */
export const useDashboardStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  panel: { paddingTop: tokens.spacingVerticalS },
});
