import * as AC from 'adaptivecards';
import * as React from 'react';
import { teamsHostConfig } from './teamsHostConfig';
import { teamsMarkdown } from './teamsMarkdown';
import { usePaneStyles } from './usePaneStyles';

// Teams renders its markdown subset; ours escapes first, so card text can never become markup.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = teamsMarkdown(text);
  result.didProcess = true;
};

/** Props of {@link AdaptiveCardView}. */
export interface AdaptiveCardViewProps {
  /** The card JSON as the channel message carried it (a string). */
  json: string;
}

/** Renders an Adaptive Card with the official `adaptivecards` renderer and a Teams host config, as Teams would. */
export function AdaptiveCardView(props: AdaptiveCardViewProps): React.ReactElement {
  const styles = usePaneStyles();
  const host = React.useRef<HTMLDivElement>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    const target = host.current;
    if (!target) return;
    target.replaceChildren();
    try {
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig(teamsHostConfig);
      card.onExecuteAction = (action) => {
        // Only Action.OpenUrl does something outside Teams; it opens http(s) links in a new tab.
        if (action instanceof AC.OpenUrlAction && action.url && /^https?:\/\//i.test(action.url)) {
          window.open(action.url, '_blank', 'noopener,noreferrer');
        }
      };
      const context = new AC.SerializationContext();
      card.parse(JSON.parse(props.json), context);
      const errors: string[] = [];
      for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
      const rendered = card.render();
      if (rendered) target.appendChild(rendered);
      setProblem(errors.length ? errors.join('; ') : rendered ? null : 'De kaart leverde niets op om te tonen.');
    } catch (e) {
      setProblem(`De kaart kon niet worden weergegeven: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [props.json]);
  return (
    <div>
      <div ref={host} className={styles.card} data-testid="adaptive-card" />
      {problem && <p className={styles.warn}>{problem}</p>}
    </div>
  );
}
