/** @jest-environment jsdom */
/**
 * The pane with the real Office.js adapter on the Excel test double: insert the template,
 * type a broken figure, validate, follow a finding's link, regenerate and undo.
 */
import "@testing-library/jest-dom";
import "./jsdom-setup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { createFakeExcel } from "../excel/fake-excel";


test("insert, validate, select a finding's cell, regenerate and undo", async () => {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
  render(<App ops={ops} locale="ko-KR" />);

  fireEvent.click(screen.getByRole("button", { name: "서식 넣기" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("서식을 넣었습니다"));
  expect(fx.tableNames()).toContain("TaskPlans");

  fx.setTableBody("TaskPlans", [
    ["전략 A", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
    ["전략 A", "과제 2", 5, 9999, 1000, 1000, 1000, 0],
  ]);

  fireEvent.click(screen.getByRole("button", { name: "검증하기" }));
  const link = await screen.findByRole("button", { name: "추진계획!D3으로 이동" });
  expect(fx.sheet("추진계획").fill("D3")).toBeDefined();
  fireEvent.click(link);
  await waitFor(() => expect(fx.selection()).toEqual({ sheet: "추진계획", address: "D3" }));

  fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("요약을 다시 만들었습니다"));
  expect(String(fx.sheet("추진계획").formula("I3"))).toMatch(/^=/);

  fireEvent.click(screen.getByRole("button", { name: "마지막 다시 만들기 되돌리기" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("되돌렸습니다."));
  expect(fx.sheet("추진계획").formula("I3")).toBe("");
});

test("with 생성 셀 보호 on, the pane's insert and regeneration protect the sheets, and each logs a row", async () => {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
  render(<App ops={ops} locale="ko-KR" />);
  fireEvent.click(screen.getByRole("switch", { name: "생성 셀 보호" }));
  fireEvent.click(screen.getByRole("button", { name: "서식 넣기" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("서식을 넣었습니다"));
  expect(["요약", "추진계획", "변경 이력"].map((n) => fx.sheet(n).protection.protected)).toEqual([true, true, true]);
  // Notes need ExcelApi 1.18, which this host (no Office at all) lacks: the status says so.
  expect(screen.getByRole("status")).toHaveTextContent("메모");

  fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("요약을 다시 만들었습니다"));
  expect(["요약", "추진계획", "변경 이력"].map((n) => fx.sheet(n).protection.protected)).toEqual([true, true, true]);
  expect(fx.sheet("변경 이력").values("B2:B3")).toEqual([["서식 만들기"], ["요약 재생성"]]);
});
