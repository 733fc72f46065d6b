/**
 * A busy indicator drawn with Fluent's tokens and `makeStyles`, so it looks like Fluent's Spinner without its code: the
 * dashboard's first render and the command set's dialog show it before anything else.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  busy: { display: 'flex', alignItems: 'center', justifyContent: 'center', columnGap: tokens.spacingHorizontalS, padding: tokens.spacingVerticalL },
  ring: {
    width: '24px',
    height: '24px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media screen and (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
  busyLabel: { color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300 },
});

let busyIds = 0;

/** A busy indicator with its label (stands in for Spinner): `role="progressbar"`, named by the label. */
export function Busy(props: { label: string }): React.ReactElement {
  const styles = useStyles();
  const [id] = React.useState(() => `busy-label-${++busyIds}`);
  return (
    <div className={styles.busy} role="progressbar" aria-labelledby={id}>
      <span className={styles.ring} aria-hidden="true" />
      <span id={id} className={styles.busyLabel}>
        {props.label}
      </span>
    </div>
  );
}
