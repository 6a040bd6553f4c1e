/**
 * The contract between the task pane / ribbon commands and the Office.js adapter: the
 * operations jobplan performs on a workbook and their types. No implementation here, so that
 * the pane, the commands and every module of src/excel can import it without a cycle.
 *
 * Every operation follows the same shape: queue all reads, one context.sync(), compute with
 * the pure core (src/core, src/import, src/workbook), queue all writes, one context.sync().
 * Large writes are split into range writes of at most `chunkCells` cells; the chunks are
 * still flushed together unless the estimated payload of the batch passes
 * `maxPayloadBytes` (Excel on the web rejects requests above ~5 MB), in which case the
 * adapter syncs once per payload-sized batch of chunks (writer.ts).
 */
import type { RoundingMode } from "../core/model";
import type { Finding } from "../core/findings";

/** Excel.run in production; the test double's run in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type ProgressStep = "read" | "compute" | "write" | "done";

export interface Progress {
  step: ProgressStep;
  /** 0..1 for the whole operation. */
  fraction: number;
}

export type ProgressCallback = (progress: Progress) => void;

export interface InsertTemplateOptions {
  planName: string;
  region?: string;
  year: number;
  /** Funding-source keys (national, province, municipal, private) or labels (국비, 도비 ...). */
  sources: string[];
  roundingMode: RoundingMode;
  /** Protect the generated cells (off by default: protecting clears Excel's undo history). */
  protect?: boolean;
}

/** A note for the pane that is no finding (something this Excel could not do). */
export type Notice = { ko: string; en: string };

/** Options of the operations that write generated cells. */
export interface WriteOptions {
  /** Protect the generated cells (the pane's 생성 셀 보호 switch). */
  protect?: boolean;
}

export interface ImportResult {
  findings: Finding[];
  notice?: Notice;
}

export interface InsertResult {
  /** Sheet names written, in order. */
  sheets: string[];
  /** Table names written. */
  tables: string[];
  /** Names defined (including LAMBDA names when supported). */
  names: string[];
  /** False when this Excel does not support LAMBDA names; `message` then says why. */
  lambdaNames: boolean;
  message?: { ko: string; en: string };
  notice?: Notice;
}

export type RegenerateResult =
  | {
      status: "done";
      changedCells: number;
      /** Summary rows added for tasks / strategies of TaskPlans the summaries lacked (declared cells left empty). */
      addedRows?: { byTask: number; byStrategy: number };
    }
  | { status: "confirm-needed"; editedCells: string[] };

/** Where the add-in runs, for the self-test report (Office.context.diagnostics). */
export interface SelfTestEnvironment {
  host: string;
  platform: string;
  version: string;
  /** Office.context.requirements.isSetSupported */
  isSetSupported: (name: string, version: string) => boolean;
}

export interface SelfTestStep {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface SelfTestReport {
  ok: boolean;
  environment: { host: string; platform: string; version: string };
  apiSets: Record<string, boolean>;
  steps: SelfTestStep[];
}

export interface PlanWorkbookOps {
  insertTemplate(opts: InsertTemplateOptions): Promise<InsertResult>;
  importText(text: string, onProgress?: ProgressCallback, options?: WriteOptions): Promise<ImportResult>;
  validate(onProgress?: ProgressCallback): Promise<Finding[]>;
  regenerate(opts?: { force?: boolean } & WriteOptions): Promise<RegenerateResult>;
  undoRegeneration(): Promise<boolean>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Runs the self-test on a scratch sheet (self-test.ts); never touches jobplan's sheets. */
  selfTest(): Promise<SelfTestReport>;
}

export interface PlanWorkbookOptions {
  /** Cells per range write (default 5,000). */
  chunkCells?: number;
  /** Estimated bytes per sync before the writes are flushed in several syncs (default 4 MB). */
  maxPayloadBytes?: number;
  /** Estimated response bytes per sync when reading tables in blocks (default 4 MB). */
  maxResponseBytes?: number;
  /** Header language of written tables (default "ko"). */
  headerLanguage?: "ko" | "en";
  /** Overrides the LAMBDA-support check (tests). */
  lambdaSupported?: () => boolean;
  /** Overrides what Office says about host and API sets (tests, the browser harness). */
  environment?: () => SelfTestEnvironment;
  /** Who the change log names (default: what Office tells an add-in, change-log.ts). */
  userName?: () => string;
  /** The change log's clock (tests). */
  now?: () => Date;
}


/** PlanWorkbookOptions with the defaults applied, as the operations use them. */
export interface Limits {
  chunkCells: number;
  maxPayloadBytes: number;
  maxResponseBytes: number;
  lang: "ko" | "en";
  /** The host has NoteCollection (ExcelApi 1.18). */
  notes: boolean;
  who: () => string;
  now: () => Date;
}

/**
 * An expected user error (a filtered table, a workbook Excel changed under us): a clear
 * message in both languages, so that it never looks like a bug.
 */
export class JobplanError extends Error {
  constructor(
    readonly code: string,
    readonly text: { ko: string; en: string },
  ) {
    super(text.en);
    this.name = "JobplanError";
  }
}
