import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout of the workbench page: top bar, product area and an optional side pane. */
export const useWorkbenchStyles = makeStyles({
  page: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto' },
  field: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForegroundOnBrand },
  panes: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  body: { display: 'flex', minHeight: 0 },
  product: { flex: '1 1 auto', overflow: 'auto', minWidth: 0 },
  side: {
    flex: '0 0 440px',
    overflow: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});
