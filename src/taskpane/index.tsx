/* global Office, Excel */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OutsideOffice } from "./OutsideOffice";
import { lazyPlanWorkbookOps } from "../commands/lazy-ops";

function root() {
  const el = document.getElementById("root");
  return el ? createRoot(el) : undefined;
}

function mount(locale: string | undefined) {
  const run = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Excel.run(batch);
  // The adapter loads with the first operation, not with the page (lazy-ops.ts).
  const ops = lazyPlanWorkbookOps(run as Parameters<typeof lazyPlanWorkbookOps>[0]);
  root()?.render(<App ops={ops} locale={locale} />);
}

/** Outside Excel (host null, or office.js not loaded at all) the pane only says where it runs. */
function outside(officeLoaded: boolean) {
  root()?.render(<OutsideOffice locale={navigator.language} officeLoaded={officeLoaded} />);
}

if (typeof Office === "undefined") outside(false);
else
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel && typeof Excel !== "undefined") mount(Office.context?.displayLanguage);
    else outside(true);
  });
