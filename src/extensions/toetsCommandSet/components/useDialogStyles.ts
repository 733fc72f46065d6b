import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the command set dialog: wide enough for the upload and datalek forms, scrolling inside. */
export const useDialogStyles = makeStyles({
  surface: {
    width: 'min(960px, 94vw)',
    maxWidth: 'min(960px, 94vw)',
  },
  content: {
    maxHeight: '75vh',
    overflowY: 'auto',
    paddingTop: tokens.spacingVerticalS,
  },
});
