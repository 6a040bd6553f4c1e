/** Progress, the last result and errors: sticky at the top while the user works below. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import type { Progress } from "../excel/contract";
import type { Strings } from "./i18n";
import { useStyles } from "./styles";

export function StatusArea(props: {
  t: Strings;
  /** A long operation is running (not a cell selection). */
  working: boolean;
  progress: Progress | null;
  status: string;
  error: string | null;
  onDismissError: () => void;
}) {
  const { t, progress, status, error } = props;
  const styles = useStyles();
  return (
    <div className={styles.sticky}>
      <div role="status" aria-live="polite" className={styles.status}>
        {props.working ? (
          progress ? (
            <Field validationMessage={t.step[progress.step] ?? t.working} validationState="none">
              <ProgressBar value={progress.fraction} max={1} aria-label={t.working} />
            </Field>
          ) : (
            <Spinner size="tiny" label={t.working} />
          )
        ) : (
          status && <span>{status}</span>
        )}
      </div>

      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <Button appearance="transparent" size="small" onClick={props.onDismissError}>
            {t.dismiss}
          </Button>
        </MessageBar>
      )}
    </div>
  );
}
