import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the Documenten and Register tabs: view list, filter bar, table, pager. */
export const useViewsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  filter: { minWidth: '160px' },
  year: { width: '110px' },
  help: { color: tokens.colorNeutralForeground3 },
  yearInput: { width: '100%', minWidth: 0 },
  tableWrap: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  groupRow: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  pager: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  nowrap: { whiteSpace: 'nowrap' },
});
