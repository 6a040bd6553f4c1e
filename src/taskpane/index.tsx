/* global Office, Excel */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { OutsideOffice } from "./OutsideOffice";
import { createPlanWorkbookOps } from "../excel/adapter";

function root() {
  const el = document.getElementById("root");
  return el ? createRoot(el) : undefined;
}

function mount(locale: string | undefined) {
  const run = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Excel.run(batch);
  const ops = createPlanWorkbookOps(run as Parameters<typeof createPlanWorkbookOps>[0]);
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
