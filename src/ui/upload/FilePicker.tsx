import { mergeClasses, Text } from '@fluentui/react-components';
import * as React from 'react';
import { PlainButton } from '../common/PlainButton';
import { SCANNABLE_EXTENSIONS } from '../../domain/scan/extract/extensions';
import { useServices, useStrings } from '../services';
import { format } from './format';
import { useUploadStyles } from './useUploadStyles';

/** Props of {@link FilePicker}. */
export interface FilePickerProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** Inside the dialog: one line, for adding more files (the limits were shown before it opened). */
  compact?: boolean;
  /** The "choose files" button, so focus can be put back on it (the control that opened the dialog). */
  buttonRef?: React.Ref<HTMLButtonElement>;
}

/** A drop zone with a "choose files" button; says the size limit and which file types the scan can read. */
export function FilePicker(props: FilePickerProps): React.ReactElement {
  const t = useStrings();
  const styles = useUploadStyles();
  const { config } = useServices();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const take = (list: FileList | null): void => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0 && !props.disabled) props.onFiles(files);
  };
  return (
    <div
      className={mergeClasses(styles.drop, props.compact && styles.dropCompact, over && styles.dropActive)}
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <Text>{t.uploadDrop}</Text>
      <PlainButton
        ref={props.buttonRef}
        appearance={props.compact ? 'secondary' : 'primary'}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {t.uploadPick}
      </PlainButton>
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        data-testid="file-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file can be picked again after it was left out.
          e.currentTarget.value = '';
        }}
      />
      <Text size={200} className={styles.muted} block={!props.compact}>
        {format(t.uploadMax, { mb: config.space.maxUploadMB })}{' '}
        {format(t.uploadScannable, { types: SCANNABLE_EXTENSIONS.map((x) => `.${x}`).join(', ') })}
      </Text>
    </div>
  );
}
