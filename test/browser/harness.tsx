// Browser test harness: the real task pane (App) on the real adapter, with Excel replaced by
// the Office.js test double. Built by `webpack --env harness` (webpack.config.js) and loaded
// by test/browser/taskpane.test.ts in headless Chromium, outside Office.
// URL parameters: ?locale=en-US for the English pane.
import { createRoot } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { createFakeExcel } from "../excel/fake-excel";

const params = new URLSearchParams(window.location.search);
const fake = createFakeExcel();
const ops = createPlanWorkbookOps(fake.run);

// for the test (and a person poking at the harness in devtools)
(window as unknown as { jobplanFake: typeof fake }).jobplanFake = fake;

const container = document.getElementById("container");
if (!container) throw new Error("harness: no #container");
createRoot(container).render(<App ops={ops} locale={params.get("locale") ?? "ko-KR"} />);
