import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';
import type { ExchangeDocument, SiteUser } from '../../ports';
import { countUnclassified, mayClassify } from '../../review';
import { useReturnFocus } from '../common/focusAfter';
import { useServices, useStrings } from '../services';
import { format } from '../upload/format';
// The classification dialog (scan, questions, inputs: about ten chunks) loads when "Nu classificeren" is
// pressed, not with the banner.
const ClassifyDialog = React.lazy(() =>
  import(/* webpackChunkName: 'classify-dialog' */ './ClassifyDialog').then((m) => ({ default: m.ClassifyDialog })),
);

/** What the banner knows: the person and the unclassified files they can see. */
interface State {
  user: SiteUser;
  items: ExchangeDocument[];
  more: boolean;
}

/**
 * The dashboard's warning for files put in the library around "Delen met toets" (native upload, drag into the
 * library): they carry the column default 'Te classificeren' (or 'Onvolledig') and, until classified, are drafts in
 * a folder of the uploader's party that only that party reads, so only that party sees this warning.
 * "Nu classificeren" opens the classification for an existing file. Outsiders and failures show nothing here: the
 * Documenten tab shows the view itself with its errors.
 */
export default function UnclassifiedBanner(): React.ReactElement | null {
  const t = useStrings();
  const services = useServices();
  const [state, setState] = React.useState<State | null>(null);
  const [open, setOpen] = React.useState(false);
  const [generation, setGeneration] = React.useState(0);
  const returnFocusTo = useReturnFocus(open);
  React.useEffect(() => {
    let current = true;
    (async () => {
      const user = await services.site.currentUser();
      if (!user.party) return;
      const found = await countUnclassified(services.documents);
      if (current) setState({ user, items: found.items, more: found.more });
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services, generation]);
  if (!state || state.items.length === 0) return null;
  const count = state.more ? `${state.items.length}+` : String(state.items.length);
  // Only the party that put a file there classifies it; the other party sees the warning, not the action.
  const mine = state.items.filter((d) => mayClassify(services.config, state.user, d));
  return (
    <>
      <MessageBar intent="warning" layout="multiline" data-testid="unclassified-banner" data-count={state.items.length}>
        <MessageBarBody>
          <MessageBarTitle>{t.catchTitle}</MessageBarTitle>
          {format(t.catchBanner, { count })}
        </MessageBarBody>
        {mine.length > 0 && (
          <MessageBarActions>
            <Button
              onClick={(e) => {
                returnFocusTo(e.currentTarget);
                setOpen(true);
              }}
              data-testid="classify-now"
            >
              {t.catchAction}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {open && (
        <React.Suspense fallback={null}>
          <ClassifyDialog
            items={mine}
            user={state.user}
            onClose={(changed) => {
              setOpen(false);
              if (changed) setGeneration((g) => g + 1);
            }}
          />
        </React.Suspense>
      )}
    </>
  );
}
