import { Button, Caption1, Label, MessageBar, MessageBarBody, Spinner, Text, Title3, useId } from '@fluentui/react-components';
import * as React from 'react';
import type { AgreementConfig } from '../../../domain/agreement/schema';
import { technicalDetail } from '../../../domain/common/failure';
import { formatConfigErrors, loadAgreementText } from '../../../domain/agreement/load';
import { format } from '../../../loc/text';
import { enUS } from '../../../loc/en-us';
import { nlNL } from '../../../loc/nl-nl';
import type { OnProvisionStep, ProvisionReport, ProvisionStep } from '../../../provisioning/report';
import { AppFrame, type HostInfo } from '../../../ui/AppFrame';
import { FailureDetails, FailureText } from '../../../ui/common/ProblemText';
import { registerStrings, useStrings } from '../../../ui/services';
import { useSetupStyles } from './useSetupStyles';

// "Inrichten" is its own chunk and carries the strings of both languages anyway (src/loc): no wait for a table.
registerStrings('nl-nl', nlNL);
registerStrings('en-us', enUS);

/** Runs the one idempotent provisioning for a validated configuration (built by the shell over PnPjs). */
export type Provision = (config: AgreementConfig, onStep: OnProvisionStep) => Promise<ProvisionReport>;

/** Props of {@link SetupPanel}: plain data and callbacks, never the SPFx context. */
export interface SetupPanelProps {
  provision: Provision;
  host: HostInfo;
  /** Called when the site is set up and the product can start. */
  onDone: () => void;
}

type Picked = { name: string; config: AgreementConfig } | { name: string; errors: string[] };
type Run = { state: 'idle' } | { state: 'running' } | { state: 'done'; report: ProvisionReport } | { state: 'failed'; error: unknown };

/**
 * "Inrichten": shown by the web part when the site has no agreement configuration yet. The site owner picks the
 * agreement's JSON; the loader validates it (every error names the field and article) before anything is written, then
 * the same provisioning the workbench seed runs makes the site (the configuration file goes in last).
 */
export function SetupPanel(props: SetupPanelProps): React.ReactElement {
  return (
    <AppFrame host={props.host}>
      <Setup {...props} />
    </AppFrame>
  );
}

function Setup(props: SetupPanelProps): React.ReactElement {
  const t = useStrings();
  const styles = useSetupStyles();
  const lang = props.host.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
  const [picked, setPicked] = React.useState<Picked | undefined>();
  const [steps, setSteps] = React.useState<ProvisionStep[]>([]);
  const [run, setRun] = React.useState<Run>({ state: 'idle' });
  const fileId = useId('setup-file');

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    if (!file) return;
    const result = loadAgreementText(await file.text());
    setPicked(result.ok ? { name: file.name, config: result.config } : { name: file.name, errors: formatConfigErrors(result.errors, lang) });
    setRun({ state: 'idle' });
  };

  const start = async (config: AgreementConfig): Promise<void> => {
    setSteps([]);
    setRun({ state: 'running' });
    try {
      const report = await props.provision(config, (step) => setSteps((list) => [...list, step]));
      setRun({ state: 'done', report });
    } catch (error) {
      setRun({ state: 'failed', error });
    }
  };

  const config = picked && 'config' in picked ? picked.config : undefined;
  return (
    <div className={styles.root} data-setup={run.state}>
      <Title3 as="h2">{t.setupTitle}</Title3>
      <Text>{t.setupIntro}</Text>
      <Label htmlFor={fileId}>{t.setupPickFile}</Label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        disabled={run.state === 'running'}
        onChange={(e) => {
          void onFile(e);
        }}
      />
      {picked && 'errors' in picked && (
        <MessageBar intent="error">
          <MessageBarBody>
            {format(t.setupInvalid, { name: picked.name })}
            <ul className={styles.list}>
              {picked.errors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {picked && config && (
        <Text>{format(t.setupValid, { name: picked.name, parties: config.parties.map((p) => p.shortName).join(' – ') })}</Text>
      )}
      {config && run.state !== 'done' && (
        <Button appearance="primary" disabled={run.state === 'running'} onClick={() => {
            void start(config);
          }}>
          {t.setupRun}
        </Button>
      )}
      {run.state === 'running' && <Spinner size="small" label={format(t.setupRunning, { count: steps.length })} />}
      {run.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {httpStatus(run.error) === 403 ? (
              <>
                {t.setupDenied} <FailureDetails detail={technicalDetail(run.error)} />
              </>
            ) : (
              <>
                {t.setupFailed} <FailureText error={run.error} />
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.state === 'done' && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{format(t.setupDone, { changed: run.report.changed, count: run.report.steps.length })}</MessageBarBody>
          </MessageBar>
          <Button appearance="primary" onClick={props.onDone}>
            {t.setupOpen}
          </Button>
        </>
      )}
      {steps.length > 0 && (
        <ol className={styles.list} aria-live="polite">
          {steps.map((s, i) => (
            <li key={i}>
              <Caption1>
                {s.outcome} · {s.step} · {s.target}
                {s.detail ? ` (${s.detail})` : ''}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** HTTP status of a PnPjs HttpRequestError (or anything carrying `status`), else undefined. */
function httpStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } } | undefined;
  const status = e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}
