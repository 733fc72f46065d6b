import { createCustomFocusIndicatorStyle, makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Styles of the Delen tab and the upload dialog. */
export const useUploadStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '880px' },
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    ...shorthands.padding(tokens.spacingVerticalXL, tokens.spacingHorizontalXL),
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropCompact: { ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalM) },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { display: 'none' },
  surface: { maxWidth: '920px', width: 'calc(100vw - 48px)' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxHeight: '70vh' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  /**
   * The files region focus is moved to: its focus is visible like a control's (WCAG 2.4.7), keyboard only. Drawn inside
   * its edge, in the padding, because the dialog's scrolling content would cut off an outline outside it.
   */
  focusTarget: {
    ...shorthands.padding(tokens.spacingVerticalXS, tokens.spacingHorizontalXS),
    ...createCustomFocusIndicatorStyle({
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: `calc(0px - ${tokens.strokeWidthThick})`,
    }),
  },
  files: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  file: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalM),
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  fileHead: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileName: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-all' },
  checkboxes: { display: 'flex', flexDirection: 'column' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  article: { fontWeight: tokens.fontWeightSemibold },
  register: {
    ...shorthands.padding(tokens.spacingVerticalS, tokens.spacingHorizontalM),
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
  },
});
