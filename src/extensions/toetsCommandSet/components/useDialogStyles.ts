import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the command set dialog: Fluent's dialog surface, wide enough for the upload and datalek forms. */
export const useDialogStyles = makeStyles({
  surface: {
    width: 'min(960px, 94vw)',
    maxWidth: 'min(960px, 94vw)',
    maxHeight: '90vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    fontFamily: tokens.fontFamilyBase,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: { margin: 0 },
  content: {
    flex: 1,
    minHeight: 0,
    overflowY: 'auto',
    paddingTop: tokens.spacingVerticalS,
  },
  actions: { display: 'flex', justifyContent: 'flex-end', columnGap: tokens.spacingHorizontalS },
});
