/**
 * A button drawn with Fluent's tokens and `makeStyles`, so it looks like Fluent's Button (medium size) without its code
 * (about 6 KB gzip): the command set's dialog shows it (its file picker, "Sluiten") before anything else.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  button: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '96px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':hover:active': { backgroundColor: tokens.colorNeutralBackground1Pressed, ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed) },
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
    },
    ':disabled': {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
      cursor: 'not-allowed',
    },
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor('transparent'),
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover, ...shorthands.borderColor('transparent'), color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorBrandBackgroundPressed, ...shorthands.borderColor('transparent') },
  },
});

/** Props of {@link PlainButton}: a native button's, plus Fluent's two appearances used here. */
export type PlainButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: 'primary' | 'secondary' };

/** A native `<button>` (type "button") that looks like Fluent's Button, medium size (stands in for Button). */
export const PlainButton = React.forwardRef<HTMLButtonElement, PlainButtonProps>(function PlainButton(props, ref) {
  const styles = useStyles();
  const { appearance = 'secondary', className, type = 'button', ...rest } = props;
  return (
    <button {...rest} ref={ref} type={type} className={mergeClasses(styles.button, appearance === 'primary' && styles.primary, className)} />
  );
});
