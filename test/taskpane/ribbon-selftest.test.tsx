/** @jest-environment jsdom */
/**
 * The pane with the ribbon commands (results posted before and after the pane mounts, with
 * the real command wrapper on the Excel double), expected errors in the pane's language, the
 * self-test link, and the page outside Office.
 */
import "@testing-library/jest-dom";
import "./jsdom-setup";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { OutsideOffice } from "../../src/taskpane/OutsideOffice";
import { createPlanWorkbookOps, JobplanError, type PlanWorkbookOps } from "../../src/excel/adapter";
import { ribbonCommands } from "../../src/commands/commands";
import { createFakeExcel, type FakeExcel } from "../excel/fake-excel";
import { strings } from "../../src/taskpane/i18n";


const t = strings("ko");
const ENV = { host: "Excel", platform: "PC", version: "16.0.test", isSetSupported: () => true };

async function workbook(): Promise<{ fx: FakeExcel; ops: PlanWorkbookOps }> {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false, environment: () => ENV });
  await ops.insertTemplate({ planName: "계획", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
  fx.setTableBody("TaskPlans", [
    ["전략 A", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
    ["전략 A", "과제 2", 5, 9999, 1000, 1000, 1000, 0],
  ]);
  return { fx, ops };
}

const event = () => ({ completed: jest.fn() }) as unknown as Office.AddinCommands.Event;

test("ribbon 검증 run before the pane mounted: the pane shows its findings", async () => {
  const { ops } = await workbook();
  const e = event();
  await ribbonCommands(() => ops).validatePlan(e);
  expect(e.completed).toHaveBeenCalled();
  render(<App ops={ops} locale="ko-KR" />);
  expect(await screen.findByRole("button", { name: "추진계획!D3으로 이동" })).toBeInTheDocument();
  expect(screen.getByRole("status")).toHaveTextContent("리본의 검증 결과");
});

test("ribbon 요약 재생성 that needs confirmation, while the pane is open: the dialog opens and overwriting works", async () => {
  const { fx, ops } = await workbook();
  await ops.regenerate();
  fx.sheet("추진계획").set("I3", 12345); // a generated cell typed over
  render(<App ops={ops} locale="ko-KR" />);
  await act(async () => {
    await ribbonCommands(() => ops).regenerateSummary(event());
  });
  const overwrite = await screen.findByRole("button", { name: t.confirmOverwrite });
  expect(screen.getByText(/추진계획!I3/)).toBeInTheDocument();
  fireEvent.click(overwrite);
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("요약을 다시 만들었습니다"));
  expect(String(fx.sheet("추진계획").formula("I3"))).toMatch(/^=/);
});

test("a ribbon command's failure shows as the pane's error", async () => {
  const { ops } = await workbook();
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const failing: PlanWorkbookOps = { ...ops, validate: async () => Promise.reject(new JobplanError("x", { ko: "한국어 설명", en: "English reason" })) };
  await ribbonCommands(() => failing).validatePlan(event());
  render(<App ops={ops} locale="en-US" />);
  expect(await screen.findByRole("alert")).toHaveTextContent("English reason");
});

test("an expected error shows in the pane's language", async () => {
  const { ops } = await workbook();
  const refusing: PlanWorkbookOps = { ...ops, undoRegeneration: async () => Promise.reject(new JobplanError("filtered-table", { ko: "필터를 해제하세요", en: "Clear the filter" })) };
  render(<App ops={refusing} locale="ko-KR" />);
  fireEvent.click(screen.getByRole("button", { name: t.regenerateButton }));
  await waitFor(() => expect(screen.getByRole("button", { name: t.undoButton })).toBeEnabled());
  fireEvent.click(screen.getByRole("button", { name: t.undoButton }));
  expect(await screen.findByRole("alert")).toHaveTextContent("필터를 해제하세요");
});

test("진단 / Self-test: runs on the workbook and shows a report to copy", async () => {
  const { fx, ops } = await workbook();
  const sheets = fx.sheetNames({ includeHidden: true });
  render(<App ops={ops} locale="ko-KR" />);
  fireEvent.click(screen.getByRole("button", { name: "진단 / Self-test" }));
  expect(screen.getByText(/실행 취소 기록이 지워집니다/)).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: t.selfTestRun }));
  expect(await screen.findByText(t.selfTestPass)).toBeInTheDocument();
  const report = screen.getByLabelText(t.selfTestReport) as HTMLTextAreaElement;
  expect(report.value).toMatch(/^jobplan self-test: PASS/);
  expect(report.value).toContain("platform PC");
  expect(fx.sheetNames({ includeHidden: true })).toEqual(sheets);
});

test("outside Office the page says where the pane runs and how to sideload it, with no buttons", () => {
  render(<OutsideOffice locale="ko-KR" officeLoaded={true} />);
  expect(screen.getByText(t.outsideTitle)).toBeInTheDocument();
  expect(screen.getByText(/내 추가 기능 업로드/)).toBeInTheDocument();
  expect(screen.queryAllByRole("button")).toEqual([]);
});
