/** "진단 / Self-test": runs the adapter's self-test and shows a report a person can copy. */
import { useState } from "react";
import { Button, Field, Link, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { PlanWorkbookOps, SelfTestReport } from "../excel/contract";
import { selfTestText } from "../commands/lazy-ops";
import type { Strings } from "./i18n";
import { useStyles } from "./styles";

export function SelfTestPanel(props: { ops: PlanWorkbookOps; t: Strings; disabled: boolean; onError: (err: unknown) => void }) {
  const { ops, t } = props;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ report: SelfTestReport; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const report = result?.report ?? null;
  const text = result?.text ?? "";

  const run = async () => {
    setRunning(true);
    setCopied(false);
    try {
      const r = await ops.selfTest();
      setResult({ report: r, text: await selfTestText(r) });
    } catch (err) {
      props.onError(err);
    } finally {
      setRunning(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Some Office webviews refuse the clipboard: the text stays selectable.
      setCopied(false);
    }
  };

  if (!open)
    return (
      <footer>
        <Link as="button" onClick={() => setOpen(true)}>
          {t.selfTestLink}
        </Link>
      </footer>
    );
  const failed = report ? report.steps.filter((s) => !s.ok).length : 0;
  return (
    <section className={styles.section} aria-label={t.selfTestTitle}>
      <h2 className={styles.heading}>{t.selfTestTitle}</h2>
      <p style={{ margin: 0 }}>{t.selfTestNote}</p>
      <div className={styles.row}>
        <Button onClick={() => void run()} disabled={props.disabled || running}>
          {t.selfTestRun}
        </Button>
      </div>
      {report && (
        <>
          <MessageBar intent={report.ok ? "success" : "error"}>
            <MessageBarBody>{report.ok ? t.selfTestPass : t.selfTestFail(failed)}</MessageBarBody>
          </MessageBar>
          <Field label={t.selfTestReport}>
            <Textarea className={styles.textarea} readOnly rows={Math.min(14, text.split("\n").length)} value={text} />
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void copy()}>{t.copy}</Button>
            {copied && <span role="status">{t.copied}</span>}
          </div>
        </>
      )}
    </section>
  );
}
