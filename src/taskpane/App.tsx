/**
 * The task pane: insert template, import plan text, validate, regenerate summary. All
 * workbook access goes through PlanWorkbookOps, so the pane runs against the Office.js
 * adapter in Excel and against test doubles in tests and the browser harness.
 */
import { Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { Button, Field, FluentProvider, Textarea, webLightTheme } from "@fluentui/react-components";
import type { InsertTemplateOptions, PlanWorkbookOps, Progress, RegenerateResult } from "../excel/contract";
import { subscribeCommandResults, type CommandResultDetail } from "../commands/command-results";
import type { Finding } from "../core/findings";
import { langOf, strings } from "./i18n";
import type { Lang, Strings } from "./i18n";
import { useStyles } from "./styles";
import { FindingList } from "./FindingList";
import { InsertSection } from "./InsertSection";
import { StatusArea } from "./StatusArea";
import { SelfTestPanel } from "./SelfTestPanel";
import { ProtectSwitch } from "./ProtectSwitch";
// Needed only when a regeneration meets hand-edited cells: it loads then, not with the page.
import { LazyConfirmDialog as ConfirmDialog } from "./LazyConfirmDialog";


type OpName = "insert" | "import" | "validate" | "regenerate" | "undo" | "select";

export interface AppProps {
  ops: PlanWorkbookOps;
  locale?: string;
}

export function App(props: AppProps) {
  const lang: Lang = langOf(props.locale);
  const t = strings(lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "en" ? "en" : "ko"}>
      <Pane ops={props.ops} lang={lang} t={t} />
    </FluentProvider>
  );
}

function errorText(err: unknown, t: Strings, lang: Lang): string {
  const e = err as { code?: string; message?: string; text?: { ko?: string; en?: string } } | undefined;
  // An expected error (JobplanError) carries its message in both languages.
  if (e?.text?.[lang]) return e.text[lang]!;
  if (e && (e.code === "ItemNotFound" || /ItemNotFound/.test(e.message ?? "")))
    return t.errorNotFound;
  if (e && typeof e.message === "string" && e.message) return e.message;
  return String(err);
}

/** Runs one operation at a time: busy flag, progress, the status line and errors. */
function useOperations(t: Strings, lang: Lang) {
  const [busy, setBusy] = useState<OpName | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>("");
  const perform = useCallback(
    async (name: OpName, work: (onProgress: (p: Progress) => void) => Promise<string | void>) => {
      setBusy(name);
      setError(null);
      setStatus(t.working);
      setProgress(null);
      try {
        const message = await work((p) => setProgress(p));
        setStatus(message ?? "");
      } catch (err) {
        setStatus("");
        setError(errorText(err, t, lang));
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [t, lang],
  );
  const fail = (err: unknown) => {
    setStatus("");
    setError(errorText(err, t, lang));
  };
  return { busy, progress, error, status, perform, clearError: () => setError(null), report: setStatus, fail };
}

function Pane({ ops, lang, t }: { ops: PlanWorkbookOps; lang: Lang; t: Strings }) {
  const styles = useStyles();
  const ids = { insert: useId(), import: useId(), validate: useId(), regenerate: useId() };
  const { busy, progress, error, status, perform, clearError, report, fail } = useOperations(t, lang);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [confirmCells, setConfirmCells] = useState<string[] | null>(null);
  // once asked, the dialog stays mounted (closed) so that it can animate out as before
  const [asked, setAsked] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [protect, setProtect] = useState(false);
  const [text, setText] = useState("");
  const regenerateButton = useRef<HTMLButtonElement>(null);

  const onInsert = (opts: InsertTemplateOptions) =>
    perform("insert", async () => {
      const result = await ops.insertTemplate({ ...opts, protect });
      const note = [result.message, result.notice].map((m) => (m ? ` ${m[lang]}` : "")).join("");
      return t.insertDone(result.sheets.length) + note;
    });

  const onImport = () =>
    perform("import", async (onProgress) => {
      const result = await ops.importText(text, onProgress, { protect });
      setFindings(result.findings);
      setCanUndo(false);
      return t.importDone(result.findings.length) + (result.notice ? ` ${result.notice[lang]}` : "");
    });

  const onValidate = () =>
    perform("validate", async (onProgress) => {
      const result = await ops.validate(onProgress);
      setFindings(result);
      return t.validateDone(result.length);
    });

  /** What a regeneration's result means for the pane (from the button or the ribbon). */
  const regenerated = (result: RegenerateResult): string => {
    if (result.status === "confirm-needed") {
      setConfirmCells(result.editedCells);
      setAsked(true);
      return "";
    }
    setCanUndo(result.changedCells > 0);
    const added = result.addedRows;
    // New rows are worth saying: their declared cells wait for the published figures.
    if (added && added.byTask + added.byStrategy > 0) return `${t.regenerateDone(result.changedCells)} ${t.rowsAdded(added.byTask, added.byStrategy)}`;
    return t.regenerateDone(result.changedCells);
  };

  const onRegenerate = (force: boolean) =>
    perform("regenerate", async () => regenerated(await ops.regenerate(force || protect ? { ...(force ? { force: true } : {}), ...(protect ? { protect: true } : {}) } : undefined)));

  // Results of the ribbon's 검증 and 요약 재생성 (kept until the pane has mounted).
  const fromRibbon = useRef<(d: CommandResultDetail) => void>(() => undefined);
  fromRibbon.current = (d) => {
    if (d.error !== undefined) return fail(d.error);
    if (d.command === "validatePlan" && Array.isArray(d.result)) {
      setFindings(d.result as Finding[]);
      return report(t.ribbonValidate(d.result.length));
    }
    if (d.command === "regenerateSummary" && d.result) {
      const r = d.result as RegenerateResult;
      const message = regenerated(r);
      report(r.status === "confirm-needed" ? t.ribbonRegenerate : message);
    }
  };
  useEffect(() => subscribeCommandResults((d) => fromRibbon.current(d)), []);

  const onUndo = () =>
    perform("undo", async () => {
      const undone = await ops.undoRegeneration();
      setCanUndo(false);
      return undone ? t.undoDone : t.undoNothing;
    });

  const onSelect = (sheet: string, cell: string) =>
    perform("select", async () => {
      await ops.selectCell(sheet, cell);
      return "";
    });

  const disabled = busy !== null;

  return (
    <main className={styles.root} aria-busy={disabled}>
      <h1 className={styles.title}>{t.appTitle}</h1>

      <StatusArea
        t={t}
        working={busy !== null && busy !== "select"}
        progress={progress}
        status={status}
        error={error}
        onDismissError={clearError}
      />

      <ProtectSwitch t={t} checked={protect} disabled={disabled} onChange={setProtect} />

      <InsertSection id={ids.insert} lang={lang} t={t} disabled={disabled} onInsert={(o) => void onInsert(o)} />

      <section className={styles.section} aria-labelledby={ids.import}>
        <h2 id={ids.import} className={styles.heading}>
          {t.importTitle}
        </h2>
        <Field label={t.importLabel}>
          <Textarea
            className={styles.textarea}
            resize="vertical"
            rows={6}
            value={text}
            onChange={(_, d) => setText(d.value)}
          />
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" onClick={onImport} disabled={disabled || text.trim() === ""}>
            {t.importButton}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={ids.validate}>
        <h2 id={ids.validate} className={styles.heading}>
          {t.validateTitle}
        </h2>
        <div className={styles.row}>
          <Button onClick={onValidate} disabled={disabled}>
            {t.validateButton}
          </Button>
        </div>
        {findings && (
          <FindingList
            findings={findings}
            lang={lang}
            t={t}
            onSelect={onSelect}
            disabled={disabled}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby={ids.regenerate}>
        <h2 id={ids.regenerate} className={styles.heading}>
          {t.regenerateTitle}
        </h2>
        <div className={styles.row}>
          <Button ref={regenerateButton} onClick={() => onRegenerate(false)} disabled={disabled}>
            {t.regenerateButton}
          </Button>
          <Button onClick={onUndo} disabled={disabled || !canUndo}>
            {t.undoButton}
          </Button>
        </div>
      </section>

      {asked && (
        <Suspense fallback={null}>
          <ConfirmDialog
            t={t}
            cells={confirmCells}
            onOverwrite={() => {
              setConfirmCells(null);
              void onRegenerate(true);
            }}
            onCancel={() => {
              setConfirmCells(null);
              regenerateButton.current?.focus();
            }}
            onDismiss={() => setConfirmCells(null)}
          />
        </Suspense>
      )}

      <SelfTestPanel ops={ops} t={t} disabled={disabled} onError={fail} />
    </main>
  );
}
