import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles shared by the Kanaal, Postvak and Agenda panes. */
export const usePaneStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  toolbar: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300, margin: 0 },
  card: { backgroundColor: '#ffffff', color: '#242424', borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalS,
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});
