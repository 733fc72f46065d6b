/** What one provisioning run did, step by step, so a second run can prove it changed nothing. */

/** Outcome of one step. */
export type StepOutcome = 'created' | 'updated' | 'removed' | 'unchanged';

/** One step of a provisioning run, e.g. `{ step: 'field', target: 'Uitwisseling/Toetsstatus', outcome: 'created' }`. */
export interface ProvisionStep {
  step:
    | 'group'
    | 'permissionLevel'
    | 'webRole'
    | 'contentType'
    | 'list'
    | 'field'
    | 'index'
    | 'view'
    | 'folder'
    | 'permissions'
    | 'customAction'
    | 'configFile'
    | 'teamDocuments';
  target: string;
  outcome: StepOutcome;
  detail?: string;
}

/** Called after every step, e.g. to print progress. */
export type OnProvisionStep = (step: ProvisionStep) => void;

/** The whole run. */
export interface ProvisionReport {
  schemaVersion: string;
  steps: ProvisionStep[];
  /** Steps that created or updated something; 0 on a second run. */
  changed: number;
}

/** Collects steps and forwards each to the caller's callback. */
export class StepRecorder {
  public readonly steps: ProvisionStep[] = [];
  public constructor(private readonly onStep?: OnProvisionStep) {}

  /** Records one step. */
  public record(step: ProvisionStep['step'], target: string, outcome: StepOutcome, detail?: string): void {
    const entry: ProvisionStep = detail ? { step, target, outcome, detail } : { step, target, outcome };
    this.steps.push(entry);
    this.onStep?.(entry);
  }
}
