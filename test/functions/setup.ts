/**
 * A minimal stand-in for the Office custom-functions runtime, so the wrappers in
 * src/functions/functions.ts run under jest as they do in Excel. Import it first.
 */
export class FakeCustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export const associated = new Map<string, (...args: never[]) => unknown>();

const runtime = {
  Error: FakeCustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string, fn: (...args: never[]) => unknown) {
    associated.set(id, fn);
  },
};

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;

export function isExcelError(x: unknown, code?: string): x is FakeCustomFunctionsError {
  return x instanceof FakeCustomFunctionsError && (code === undefined || x.code === code);
}
