/** The register's reasons for refusing a record or a step, as one list (each names its field and article). */
import * as React from 'react';
import type { RegisterError } from '../../domain/register';
import { useStrings } from '../services';
import { errorText } from './errorText';
import { useRegisterStyles } from './useRegisterStyles';

/** Props of {@link ErrorList}. */
export interface ErrorListProps {
  errors: RegisterError[];
}

/** One item per error, marked with the field it names (`data-field`) so a form or test can find it. */
export function ErrorList(props: ErrorListProps): React.ReactElement {
  const t = useStrings();
  const styles = useRegisterStyles();
  return (
    <ul className={styles.errors}>
      {props.errors.map((e, i) => (
        <li key={i} data-field={e.field}>
          {errorText(e, t.lang)}
        </li>
      ))}
    </ul>
  );
}
