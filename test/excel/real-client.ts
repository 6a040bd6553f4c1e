/**
 * Microsoft's own Excel JavaScript client (node_modules/@microsoft/office-js/dist/
 * excel-web-16.00.js, the file Excel on the web loads) run in Node, with a request executor
 * that records each batch instead of sending it. What it records is the exact request body
 * Office.js would send for the queued calls, so tests can measure the real bytes of any batch
 * and check the adapter's estimates and the test double's accounting against them.
 *
 * The client needs a DOM to load: jsdom (jest-environment-jsdom's dependency) provides one.
 * No request leaves the process: the executor answers every batch with an error after
 * recording it, so `context.sync()` rejects and only the request side is measured.
 */
import * as fs from "fs";
import * as path from "path";
import { JSDOM } from "jsdom";

const CLIENT = path.join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js");

interface RecordedRequest {
  Body: unknown;
}

interface ExcelGlobal {
  RequestContext: new () => Excel.RequestContext & { _requestExecutor?: unknown };
}

let excel: ExcelGlobal | undefined;

function load(): ExcelGlobal {
  if (excel) return excel;
  const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "https://localhost/", runScripts: "outside-only" });
  dom.window.eval(fs.readFileSync(CLIENT, "utf8"));
  excel = (dom.window as unknown as { Excel: ExcelGlobal }).Excel;
  return excel;
}

/** UTF-8 bytes of the JSON body Office.js sends for a batch. */
function bodyBytes(request: RecordedRequest): number {
  return Buffer.byteLength(JSON.stringify(request.Body), "utf8");
}

/**
 * Queues `batch` on a real RequestContext, syncs once and returns the request bytes of that
 * sync (0 when nothing was queued).
 */
export async function measureRequest(batch: (context: Excel.RequestContext) => void | Promise<void>): Promise<number> {
  const Excel = load();
  const context = new Excel.RequestContext();
  let bytes = 0;
  context._requestExecutor = {
    executeAsync(_customData: unknown, _flags: unknown, request: RecordedRequest) {
      bytes = bodyBytes(request);
      return Promise.resolve({ ErrorCode: "RecordedOnly", ErrorMessage: "recorded, not sent", Headers: {}, Body: null });
    },
  };
  await batch(context);
  await context.sync().catch(() => undefined);
  return bytes;
}

/**
 * Bytes one more call adds to a batch: the batch with `n + 1` calls minus the batch with `n`
 * (so the one-off cost of the first object paths is left out). `setup` runs once per batch.
 */
export async function marginalBytes<T>(setup: (context: Excel.RequestContext) => T, call: (context: Excel.RequestContext, shared: T, i: number) => void, n = 10): Promise<number> {
  const run = (count: number) =>
    measureRequest((context) => {
      const shared = setup(context);
      for (let i = 0; i < count; i++) call(context, shared, i);
    });
  const [a, b] = [await run(n), await run(n + 1)];
  return b - a;
}
