/**
 * Light building blocks for what the dashboard shows on its first render: a panel, a tab bar, a pill, a link, a person
 * line (the spinner is ./Busy), drawn with Fluent's own tokens and `makeStyles` so they look like the Fluent
 * components they stand in for. Fluent's Card, TabList, Badge, Persona and Link bring tabster (keyboard navigation groups) and their
 * own trees along, about 45 KB gzip, before anything is on screen; these need none of it. Every other screen keeps
 * using Fluent's components.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  pill: {
    display: 'inline-flex',
    alignItems: 'center',
    height: '20px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
  },
  brand: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  warning: {
    backgroundColor: 'transparent',
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2 },
  },
  person: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  initials: {
    flexShrink: 0,
    width: '56px',
    height: '56px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorNeutralBackground6,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  personText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  personName: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  personDetail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  tabList: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXS },
  tab: {
    position: 'relative',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: tokens.strokeWidthThick, outlineColor: tokens.colorStrokeFocus2 },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

/** A card-like section (stands in for Fluent's Card on the first render). */
export function Panel(props: React.HTMLAttributes<HTMLElement> & { 'data-party'?: string; 'data-testid'?: string }): React.ReactElement {
  const styles = useStyles();
  const { className, ...rest } = props;
  return <section {...rest} className={mergeClasses(styles.panel, className)} />;
}

/** A panel's heading and an optional line under it (stands in for CardHeader). */
export function PanelHeader(props: { header: React.ReactNode; description?: React.ReactNode }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      {props.header}
      {props.description}
    </div>
  );
}

/** A small label (stands in for Badge): brand (tint), danger (tint) or warning (outline). */
export function Pill(
  props: { tone: 'brand' | 'danger' | 'warning'; className?: string; title?: string; children?: React.ReactNode; 'data-testid'?: string },
): React.ReactElement {
  const styles = useStyles();
  const { tone, className, ...rest } = props;
  return <span {...rest} className={mergeClasses(styles.pill, styles[tone], className)} />;
}

/** A link in Fluent's link colours (stands in for Link). */
export function PlainLink(props: React.AnchorHTMLAttributes<HTMLAnchorElement>): React.ReactElement {
  const styles = useStyles();
  const { className, ...rest } = props;
  return <a {...rest} className={mergeClasses(styles.link, className)} />;
}

/** A person: initials, name and two detail lines (stands in for Persona, size large). */
export function PersonLine(props: { name: string; secondary?: string; tertiary?: string }): React.ReactElement {
  const styles = useStyles();
  const initials = props.name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 2);
  return (
    <div className={styles.person}>
      <span className={styles.initials} aria-hidden="true">
        {initials || props.name.slice(0, 1).toUpperCase()}
      </span>
      <span className={styles.personText}>
        <span className={styles.personName}>{props.name}</span>
        {props.secondary && <span className={styles.personDetail}>{props.secondary}</span>}
        {props.tertiary && <span className={styles.personDetail}>{props.tertiary}</span>}
      </span>
    </div>
  );
}

/** One tab of a {@link TabBar}. */
export interface TabBarItem {
  value: string;
  label: string;
}

/**
 * Tabs with the WAI-ARIA tabs pattern (stands in for TabList/Tab): `role="tablist"`, one `tab` per item with
 * `aria-selected` and `aria-controls`, a roving tab stop, and arrow keys, Home and End to move (activation follows
 * focus, as Fluent's TabList does).
 */
export function TabBar(props: {
  items: readonly TabBarItem[];
  selected: string;
  onSelect: (value: string) => void;
  'aria-label': string;
  idPrefix: string;
  panelId: string;
}): React.ReactElement {
  const styles = useStyles();
  const refs = React.useRef(new Map<string, HTMLButtonElement>());
  const move = (from: number, delta: number | 'first' | 'last'): void => {
    const n = props.items.length;
    const to = delta === 'first' ? 0 : delta === 'last' ? n - 1 : (from + delta + n) % n;
    const item = props.items[to];
    props.onSelect(item.value);
    refs.current.get(item.value)?.focus();
  };
  return (
    <div role="tablist" aria-label={props['aria-label']} className={styles.tabList}>
      {props.items.map((item, i) => {
        const selected = item.value === props.selected;
        return (
          <button
            key={item.value}
            ref={(el) => {
              if (el) refs.current.set(item.value, el);
              else refs.current.delete(item.value);
            }}
            type="button"
            role="tab"
            id={`${props.idPrefix}${item.value}`}
            aria-selected={selected}
            aria-controls={selected ? props.panelId : undefined}
            tabIndex={selected ? 0 : -1}
            className={mergeClasses(styles.tab, selected && styles.selected)}
            onClick={() => props.onSelect(item.value)}
            onKeyDown={(e) => {
              const key = e.key;
              if (key === 'ArrowRight' || key === 'ArrowDown') move(i, 1);
              else if (key === 'ArrowLeft' || key === 'ArrowUp') move(i, -1);
              else if (key === 'Home') move(i, 'first');
              else if (key === 'End') move(i, 'last');
              else return;
              e.preventDefault();
            }}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
