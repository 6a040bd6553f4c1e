/** Asks before regeneration overwrites generated cells someone edited by hand. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Strings } from "./i18n";

export function ConfirmDialog(props: {
  t: Strings;
  /** The edited cells; null when the dialog is closed. */
  cells: string[] | null;
  onOverwrite: () => void;
  onCancel: () => void;
  /** Closed without a choice (Escape). */
  onDismiss: () => void;
}) {
  const { t, cells } = props;
  return (
    <Dialog
      open={cells !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) props.onDismiss();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.confirmTitle}</DialogTitle>
          <DialogContent>
            <p>{t.confirmBody(cells?.length ?? 0)}</p>
            {cells && cells.length > 0 && (
              <p>
                {cells.slice(0, 10).join(", ")}
                {cells.length > 10 ? ` ${t.more(cells.length - 10)}` : ""}
              </p>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onOverwrite}>
              {t.confirmOverwrite}
            </Button>
            <Button onClick={props.onCancel}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
