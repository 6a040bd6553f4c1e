/* global Office, Excel */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createPlanWorkbookOps } from "../excel/adapter";

function mount(locale: string | undefined) {
  const el = document.getElementById("root");
  if (!el) return;
  const run = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Excel.run(batch);
  const ops = createPlanWorkbookOps(run as Parameters<typeof createPlanWorkbookOps>[0]);
  createRoot(el).render(<App ops={ops} locale={locale} />);
}

Office.onReady(() => {
  mount(Office.context?.displayLanguage);
});
