/**
 * Errors of the PLAN.* functions, and the bridge to the Office custom-functions runtime.
 *
 * The pure modules return a tagged {@link FnError} instead of throwing; the thin wrappers in
 * functions.ts turn it into `new CustomFunctions.Error(code, message)` (an Excel #VALUE! or
 * #N/A with the message in the cell's error menu). The runtime is read from `globalThis`, so
 * these modules load in Node (CLI, jest) where no `CustomFunctions` global exists.
 */

/** Which Excel error a bad argument becomes: #VALUE! (invalidValue) or #N/A (notAvailable). */
export type FnErrorCode = "invalidValue" | "notAvailable";

export interface FnError {
  kind: "error";
  code: FnErrorCode;
  message: string;
}

export type FnResult<T> = { kind: "ok"; value: T } | FnError;

export function ok<T>(value: T): FnResult<T> {
  return { kind: "ok", value };
}

export function invalid(message: string): FnError {
  return { kind: "error", code: "invalidValue", message };
}

export function notAvailable(message: string): FnError {
  return { kind: "error", code: "notAvailable", message };
}

export function isFnError(x: unknown): x is FnError {
  return typeof x === "object" && x !== null && (x as FnError).kind === "error" && typeof (x as FnError).message === "string";
}

/** The part of the Office custom-functions runtime this module uses. */
export interface CustomFunctionsRuntime {
  Error: new (errorCode: string, errorMessage?: string) => unknown;
  ErrorCode: Record<string, string>;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

export function customFunctionsRuntime(): CustomFunctionsRuntime | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return cf && typeof cf.associate === "function" && typeof cf.Error === "function" ? cf : undefined;
}

/** What an error becomes outside Excel (no runtime): a plain object with the Excel error text. */
export interface PlainExcelError {
  code: "#VALUE!" | "#N/A";
  message: string;
}

/**
 * Turns a tagged error into the Excel error object (`CustomFunctions.Error`). Excel keeps at
 * most a short message, so it is cut at 250 characters.
 */
export function toExcelError(err: FnError): unknown {
  const message = err.message.length > 250 ? err.message.slice(0, 249) + "…" : err.message;
  const cf = customFunctionsRuntime();
  if (cf) {
    const code = cf.ErrorCode?.[err.code] ?? (err.code === "invalidValue" ? "#VALUE!" : "#N/A");
    return new cf.Error(code, message);
  }
  const plain: PlainExcelError = { code: err.code === "invalidValue" ? "#VALUE!" : "#N/A", message };
  return plain;
}

/** Scalar result: the value, or the Excel error. */
export function toExcelScalar<T>(r: FnResult<T>): T | unknown {
  return r.kind === "ok" ? r.value : toExcelError(r);
}

/** Matrix result: the matrix, or a 1×1 matrix holding the Excel error. */
export function toExcelMatrix<T>(r: FnResult<T[][]>): T[][] | unknown[][] {
  return r.kind === "ok" ? r.value : [[toExcelError(r)]];
}

/** Runs a pure function, turning an unexpected exception into #VALUE! so that nothing throws. */
export function guard<T>(fn: () => FnResult<T>): FnResult<T> {
  try {
    return fn();
  } catch (e) {
    return invalid(`내부 오류 / internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
