/**
 * The confirmation dialog, loaded when first needed (Fluent's Dialog with its focus trap,
 * portal and motion stays out of the page's start-up scripts). When its chunk cannot be
 * loaded (the add-in's server unreachable for a moment), the same question is asked inline
 * with the pane's own buttons: a failed load must neither crash the pane nor leave the
 * user's regeneration unanswered.
 */
import { lazy } from "react";
import { Button } from "@fluentui/react-components";
import type { ConfirmDialog as Dialog } from "./ConfirmDialog";

type Props = Parameters<typeof Dialog>[0];

/** The question inline: the same texts and choices as the dialog, as an alert dialog region. */
export function InlineConfirm({ t, cells, onOverwrite, onCancel }: Props) {
  if (cells === null) return null;
  return (
    <section role="alertdialog" aria-label={t.confirmTitle}>
      <h2>{t.confirmTitle}</h2>
      <p>{t.confirmBody(cells.length)}</p>
      {cells.length > 0 && (
        <p>
          {cells.slice(0, 10).join(", ")}
          {cells.length > 10 ? ` ${t.more(cells.length - 10)}` : ""}
        </p>
      )}
      <Button appearance="primary" onClick={onOverwrite}>
        {t.confirmOverwrite}
      </Button>{" "}
      <Button onClick={onCancel}>{t.cancel}</Button>
    </section>
  );
}

export const LazyConfirmDialog = lazy(() =>
  import(/* webpackChunkName: "confirm-dialog" */ "./ConfirmDialog").then(
    (m) => ({ default: m.ConfirmDialog }),
    () => ({ default: InlineConfirm }),
  ),
);
