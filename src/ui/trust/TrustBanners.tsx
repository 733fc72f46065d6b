import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import * as React from 'react';
import { acknowledgeConfig, configChangeFor, describeChange, type ConfigChangeNotice } from '../../config';
import { partyLabel } from '../../domain/agreement/queries';
import { checkPrivacyChannel } from '../../datalek/channelCheck';
import { FINDING_KINDS, sharedChecker, type FindingKind, type IntegrityReport } from '../../integrity';
import type { StringKey } from '../../loc';
import type { SiteUser } from '../../ports';
import { reviewerParties } from '../../review';
import { FailureText } from '../common/ProblemText';
import { useServices, useStrings } from '../services';
import { format } from '../upload/format';

/**
 * Where SharePoint cannot refuse, the act must be evident (AVG art. 5(2)). Three warnings, each only for the people who
 * answer for it:
 * - privacy officers (of every party) and site owners: what the other party reads without a record by the right
 *   person about exactly those bytes (a hand-published draft, a status set by hand, a copy of a file waiting for
 *   review, bytes swapped after the check, a restricted file outside its folder, a folder, list or Site Assets file
 *   outside the schema, a duplicate ToetsId, an approval nothing proves), counted by kind;
 * - accounthouders: a configuration version their party has not acknowledged (art. 13.3);
 * - site owners: a breach channel that is not private to the privacy officers (breach cards then carry no personal
 *   data).
 * They run after the first render; a failure shows nothing here (the tabs show their own errors).
 */
export default function TrustBanners(): React.ReactElement | null {
  const services = useServices();
  const [user, setUser] = React.useState<SiteUser | null>(null);
  React.useEffect(() => {
    let current = true;
    (async () => {
      const u = await services.site.currentUser();
      if (current) setUser(u);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services]);
  if (!user) return null;
  const officer = reviewerParties(services.config, user).length > 0;
  const owner = user.isSiteAdmin || services.config.groups.some((g) => g.kind === 'owners' && user.groupKeys.includes(g.key));
  return (
    <>
      {(officer || owner) && <IntegrityBanner />}
      <ConfigChangeBanner user={user} />
      {owner && <ChannelWarning />}
    </>
  );
}

/** The label of each kind of finding (both languages have every key). */
const KIND_LABEL: Record<FindingKind, StringKey> = {
  'no-record': 'trustKindNoRecord',
  'record-missing': 'trustKindRecordMissing',
  'record-mismatch': 'trustKindRecordMismatch',
  'not-approved': 'trustKindNotApproved',
  'approved-by-wrong-person': 'trustKindApprovedByWrongPerson',
  'unproven-approval': 'trustKindUnprovenApproval',
  resubmitted: 'trustKindResubmitted',
  'no-hash': 'trustKindNoHash',
  'content-mismatch': 'trustKindContentMismatch',
  'recipients-mismatch': 'trustKindRecipientsMismatch',
  'restricted-outside': 'trustKindRestrictedOutside',
  'file-in-subfolder': 'trustKindFileInSubfolder',
  'file-outside-schema': 'trustKindFileOutsideSchema',
  'folder-outside-schema': 'trustKindFolderOutsideSchema',
  'foreign-container': 'trustKindForeignContainer',
  'site-assets-file': 'trustKindSiteAssetsFile',
  'duplicate-toetsid': 'trustKindDuplicateToetsid',
  'channel-file': 'trustKindChannelFile',
};

/** What the other party reads without the backing the agreement asks for, counted by kind. */
function IntegrityBanner(): React.ReactElement | null {
  const services = useServices();
  const t = useStrings();
  const [report, setReport] = React.useState<IntegrityReport | null>(null);
  const [open, setOpen] = React.useState(false);
  React.useEffect(() => {
    let current = true;
    (async () => {
      const r = await sharedChecker(services).run();
      if (current) setReport(r);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services]);
  if (!report || (report.findings.length === 0 && report.unchecked.length === 0)) return null;
  const en = t.lang === 'en';
  const kinds = FINDING_KINDS.filter((k) => report.counts[k] > 0);
  const unchecked = en ? report.uncheckedEn : report.unchecked;
  return (
    <MessageBar
      intent={report.findings.length > 0 ? 'error' : 'warning'}
      layout="multiline"
      data-testid="integrity-banner"
      data-count={report.findings.length}
      data-kinds={kinds.map((k) => `${k}:${report.counts[k]}`).join(' ')}
      data-content-unchecked={report.content.unchecked}
    >
      <MessageBarBody>
        <MessageBarTitle>{t.trustIntegrityTitle}</MessageBarTitle>
        {report.findings.length > 0 && format(t.trustIntegrityBanner, { count: String(report.findings.length) })}{' '}
        {kinds.length > 0 && (
          <span data-testid="integrity-kinds">
            {format(t.trustIntegrityKinds, {
              kinds: kinds.map((k) => `${report.counts[k]}× ${t[KIND_LABEL[k]]}`).join(', '),
            })}{' '}
          </span>
        )}
        {format(t.trustIntegrityChecked, { count: String(report.checked) })}{' '}
        {report.content.checked + report.content.unchecked > 0 &&
          `${format(t.trustIntegrityContent, {
            checked: String(report.content.checked),
            unchecked: String(report.content.unchecked),
          })} `}
        {unchecked.length > 0 && format(t.trustIntegrityUnchecked, { what: unchecked.join('; ') })}
        {open && (
          <Table size="small" aria-label={t.trustIntegrityTitle} data-testid="integrity-findings">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.trustIntegrityColFile}</TableHeaderCell>
                <TableHeaderCell>{t.trustIntegrityColParty}</TableHeaderCell>
                <TableHeaderCell>{t.trustIntegrityColReason}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.findings.map((f) => (
                <TableRow
                  key={`${f.url}:${f.kind}:${f.toetsId ?? ''}`}
                  data-integrity-file={f.fileName}
                  data-kind={f.kind}
                >
                  <TableCell>{f.fileName}</TableCell>
                  <TableCell>{f.party ? partyLabel(services.config, f.party) : 'Team'}</TableCell>
                  <TableCell>{en ? f.reasonEn : f.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </MessageBarBody>
      {report.findings.length > 0 && (
        <MessageBarActions>
          <Button onClick={() => setOpen((o) => !o)} data-testid="integrity-toggle">
            {open ? t.trustIntegrityHide : t.trustIntegrityShow}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** A configuration version the accounthouder's party has not acknowledged. */
function ConfigChangeBanner(props: { user: SiteUser }): React.ReactElement | null {
  const services = useServices();
  const t = useStrings();
  const [notice, setNotice] = React.useState<ConfigChangeNotice | null>(null);
  const [state, setState] = React.useState<{ busy: boolean; done: boolean; error?: unknown }>({ busy: false, done: false });
  React.useEffect(() => {
    let current = true;
    (async () => {
      const n = await configChangeFor(services, props.user);
      if (current) setNotice(n);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services, props.user]);
  if (!notice) return null;
  const acknowledge = (): void => {
    setState({ busy: true, done: false });
    acknowledgeConfig(services, notice).then(
      () => setState({ busy: false, done: true }),
      (e: unknown) => setState({ busy: false, done: false, error: e }),
    );
  };
  const change = [
    describeChange(services.config, notice),
    notice.previous ? format(t.trustConfigChanged, { paths: notice.changed.join(', ') || '–' }) : t.trustConfigFirst,
  ].join(' ');
  return (
    <MessageBar
      intent={state.done ? 'success' : 'warning'}
      layout="multiline"
      data-testid="config-change-banner"
      data-version={notice.version.label}
    >
      <MessageBarBody>
        <MessageBarTitle>{t.trustConfigTitle}</MessageBarTitle>
        {state.done ? t.trustConfigDone : format(t.trustConfigBanner, { change })}
        {state.error !== undefined && (
          <div role="alert">
            <FailureText error={state.error} />
          </div>
        )}
      </MessageBarBody>
      {!state.done && (
        <MessageBarActions>
          <Button onClick={acknowledge} disabled={state.busy} data-testid="config-acknowledge">
            {t.trustConfigAcknowledge}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** The breach channel as Graph describes it, for site owners. */
function ChannelWarning(): React.ReactElement | null {
  const services = useServices();
  const t = useStrings();
  const [reason, setReason] = React.useState<string | null>(null);
  React.useEffect(() => {
    let current = true;
    (async () => {
      const channel = services.host.privacyChannel;
      if (!channel) return;
      const v = await checkPrivacyChannel(services, channel);
      if (current) setReason(v.full ? null : v.reason);
    })().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services]);
  if (!reason) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="channel-warning">
      <MessageBarBody>
        <MessageBarTitle>{t.trustChannelTitle}</MessageBarTitle>
        {format(t.trustChannelBanner, { reason })}
      </MessageBarBody>
    </MessageBar>
  );
}
