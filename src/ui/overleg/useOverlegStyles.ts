import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the Overleg tab, its dialogs and the dashboard banner. */
export const useOverlegStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  table: { tableLayout: 'auto' },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '220px' },
  banner: { marginBottom: tokens.spacingVerticalM },
  bannerList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
