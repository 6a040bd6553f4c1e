/**
 * The task pane: insert template, import plan text, validate, regenerate summary. All
 * workbook access goes through PlanWorkbookOps, so the pane runs against the Office.js
 * adapter in Excel and against test doubles in tests and the browser harness.
 */
import { useCallback, useId, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  FluentProvider,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  CounterBadge,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { PlanWorkbookOps, Progress } from "../excel/adapter";
import type { Finding, Severity } from "../core/findings";
import { formatLocation } from "../core/findings";
import { DEFAULT_SOURCES } from "../core/model";
import type { RoundingMode } from "../core/model";
import { langOf, strings } from "./i18n";
import type { Lang, Strings } from "./i18n";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "640px",
    minWidth: "0",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    rowGap: "16px",
    fontFamily: tokens.fontFamilyBase,
  },
  section: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: "0" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "0" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: "0" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px" },
  sources: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  findingList: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    rowGap: "6px",
  },
  // keep-all: Korean lines break between words, not inside them; anywhere: long names still fit.
  finding: {
    wordBreak: "keep-all",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    paddingBottom: "6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  groupHeading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: "4px 0",
    display: "flex",
    alignItems: "center",
    columnGap: "6px",
  },
  status: { minHeight: "20px" },
  // Progress and errors stay in view while the user works further down the pane.
  sticky: {
    position: "sticky",
    top: "0",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
  },
  textarea: { width: "100%" },
});

type OpName = "insert" | "import" | "validate" | "regenerate" | "undo" | "select";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const MAX_PER_GROUP = 200;

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

function errorText(err: unknown, t: Strings): string {
  const e = err as { code?: string; message?: string } | undefined;
  if (e && (e.code === "ItemNotFound" || /ItemNotFound/.test(e.message ?? "")))
    return t.errorNotFound;
  if (e && typeof e.message === "string" && e.message) return e.message;
  return String(err);
}

function Pane({ ops, lang, t }: { ops: PlanWorkbookOps; lang: Lang; t: Strings }) {
  const styles = useStyles();
  const ids = { insert: useId(), import: useId(), validate: useId(), regenerate: useId() };
  const [busy, setBusy] = useState<OpName | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>("");
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [confirmCells, setConfirmCells] = useState<string[] | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const regenerateButton = useRef<HTMLButtonElement>(null);

  const [planName, setPlanName] = useState(t.planNameDefault);
  const [region, setRegion] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [sources, setSources] = useState<string[]>(DEFAULT_SOURCES.map((s) => s.key));
  const [otherSources, setOtherSources] = useState("");
  const [rounding, setRounding] = useState<RoundingMode>("half-up");
  const [text, setText] = useState("");

  const yearNumber = Number(year);
  const yearValid = /^\d{4}$/.test(year.trim()) && yearNumber >= 2000 && yearNumber <= 2100;

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
        setError(errorText(err, t));
      } finally {
        setBusy(null);
        setProgress(null);
      }
    },
    [t],
  );

  const onInsert = () =>
    perform("insert", async () => {
      const extra = otherSources
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const result = await ops.insertTemplate({
        planName: planName.trim() || t.planNameDefault,
        region: region.trim() || undefined,
        year: yearNumber,
        sources: [...sources, ...extra.filter((x) => !sources.includes(x))],
        roundingMode: rounding,
      });
      const note = result.message ? ` ${result.message[lang]}` : "";
      return t.insertDone(result.sheets.length) + note;
    });

  const onImport = () =>
    perform("import", async (onProgress) => {
      const result = await ops.importText(text, onProgress);
      setFindings(result.findings);
      setCanUndo(false);
      return t.importDone(result.findings.length);
    });

  const onValidate = () =>
    perform("validate", async (onProgress) => {
      const result = await ops.validate(onProgress);
      setFindings(result);
      return t.validateDone(result.length);
    });

  const onRegenerate = (force: boolean) =>
    perform("regenerate", async () => {
      const result = await ops.regenerate(force ? { force: true } : undefined);
      if (result.status === "confirm-needed") {
        setConfirmCells(result.editedCells);
        return "";
      }
      setCanUndo(result.changedCells > 0);
      const added = result.addedRows;
      // New rows are worth saying: their declared cells wait for the published figures.
      if (added && added.byTask + added.byStrategy > 0) return `${t.regenerateDone(result.changedCells)} ${t.rowsAdded(added.byTask, added.byStrategy)}`;
      return t.regenerateDone(result.changedCells);
    });

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

      <div className={styles.sticky}>
        <div role="status" aria-live="polite" className={styles.status}>
          {busy && busy !== "select" ? (
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
            <Button appearance="transparent" size="small" onClick={() => setError(null)}>
              {t.dismiss}
            </Button>
          </MessageBar>
        )}
      </div>

      <section className={styles.section} aria-labelledby={ids.insert}>
        <h2 id={ids.insert} className={styles.heading}>
          {t.insertTitle}
        </h2>
        <Field label={t.planName} required>
          <Input value={planName} onChange={(_, d) => setPlanName(d.value)} />
        </Field>
        <Field label={t.region}>
          <Input value={region} onChange={(_, d) => setRegion(d.value)} />
        </Field>
        <Field
          label={t.year}
          required
          validationState={yearValid ? "none" : "error"}
          validationMessage={yearValid ? undefined : "2000–2100"}
        >
          <Input
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(_, d) => setYear(d.value)}
          />
        </Field>
        <fieldset className={styles.section} style={{ border: "none", padding: 0, margin: 0 }}>
          <legend>{t.sources}</legend>
          <div className={styles.sources}>
            {DEFAULT_SOURCES.map((s) => (
              <Checkbox
                key={s.key}
                label={lang === "en" ? `${s.labelEn} (${s.label})` : s.label}
                checked={sources.includes(s.key)}
                onChange={(_, d) =>
                  setSources((prev) =>
                    d.checked ? [...prev, s.key] : prev.filter((k) => k !== s.key),
                  )
                }
              />
            ))}
          </div>
          <Field label={t.otherSources} hint={t.otherSourcesHint}>
            <Input value={otherSources} onChange={(_, d) => setOtherSources(d.value)} />
          </Field>
        </fieldset>
        <Field label={t.rounding}>
          <RadioGroup value={rounding} onChange={(_, d) => setRounding(d.value as RoundingMode)}>
            <Radio value="half-up" label={t.roundHalfUp} />
            <Radio value="largest-remainder" label={t.roundLargestRemainder} />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Button
            appearance="primary"
            onClick={onInsert}
            disabled={disabled || !yearValid || sources.length + otherSources.trim().length === 0}
          >
            {t.insertButton}
          </Button>
        </div>
      </section>

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

      <Dialog
        open={confirmCells !== null}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (!d.open) setConfirmCells(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>
              <p>{t.confirmBody(confirmCells?.length ?? 0)}</p>
              {confirmCells && confirmCells.length > 0 && (
                <p>
                  {confirmCells.slice(0, 10).join(", ")}
                  {confirmCells.length > 10 ? ` ${t.more(confirmCells.length - 10)}` : ""}
                </p>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmCells(null);
                  void onRegenerate(true);
                }}
              >
                {t.confirmOverwrite}
              </Button>
              <Button
                onClick={() => {
                  setConfirmCells(null);
                  regenerateButton.current?.focus();
                }}
              >
                {t.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}

function FindingList(props: {
  findings: Finding[];
  lang: Lang;
  t: Strings;
  onSelect: (sheet: string, cell: string) => void;
  disabled: boolean;
}): ReactNode {
  const { findings, lang, t, onSelect } = props;
  const styles = useStyles();
  const groups = useMemo(
    () => SEVERITIES.map((s) => ({ severity: s, items: findings.filter((f) => f.severity === s) })),
    [findings],
  );
  if (findings.length === 0) return <p>{t.noFindings}</p>;
  return (
    <div>
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => {
          const headingId = `findings-${g.severity}`;
          return (
            <div key={g.severity} role="group" aria-labelledby={headingId}>
              <h3 id={headingId} className={styles.groupHeading}>
                <span>{t.severity[g.severity]}</span>
                <CounterBadge
                  count={g.items.length}
                  overflowCount={99999}
                  color={
                    g.severity === "error"
                      ? "danger"
                      : g.severity === "warning"
                        ? "important"
                        : "informative"
                  }
                  aria-hidden
                />
                <span style={{ position: "absolute", left: "-10000px" }}>({g.items.length})</span>
              </h3>
              <ul className={styles.findingList}>
                {g.items.slice(0, MAX_PER_GROUP).map((f, i) => (
                  <li key={i} className={styles.finding}>
                    <span>{f.message[lang]}</span>{" "}
                    {f.location.sheet && f.location.cell ? (
                      <Link
                        as="button"
                        inline
                        onClick={() => onSelect(f.location.sheet!, f.location.cell!)}
                        aria-label={t.goToCell(`${f.location.sheet}!${f.location.cell}`)}
                      >
                        {`${f.location.sheet}!${f.location.cell}`}
                      </Link>
                    ) : (
                      <span>{formatLocation(f.location)}</span>
                    )}
                  </li>
                ))}
                {g.items.length > MAX_PER_GROUP && (
                  <li>{t.more(g.items.length - MAX_PER_GROUP)}</li>
                )}
              </ul>
            </div>
          );
        })}
    </div>
  );
}
