/** @jest-environment jsdom */
/**
 * The confirmation dialog is a chunk loaded on first use (LazyConfirmDialog). When that load
 * fails, the pane asks the same question inline and the answer still reaches regeneration:
 * no crash, no unanswered question.
 */
import "@testing-library/jest-dom";
import "./jsdom-setup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { PlanWorkbookOps } from "../../src/excel/contract";

// The dialog's module fails to load, as a chunk would when the add-in's server is unreachable.
jest.mock("../../src/taskpane/ConfirmDialog", () => {
  throw new Error("Loading chunk confirm-dialog failed");
});

// Imported after the mock is in place (jest hoists jest.mock above the imports).
import { App } from "../../src/taskpane/App";

function ops(regenerate: PlanWorkbookOps["regenerate"]): PlanWorkbookOps {
  return {
    insertTemplate: jest.fn(),
    importText: jest.fn(),
    validate: jest.fn(async () => []),
    regenerate,
    undoRegeneration: jest.fn(async () => true),
    selectCell: jest.fn(async () => undefined),
    selfTest: jest.fn(),
  } as unknown as PlanWorkbookOps;
}

test("a dialog chunk that fails to load: the question is asked inline, overwrite forces", async () => {
  const regenerate = jest
    .fn()
    .mockResolvedValueOnce({ status: "confirm-needed", editedCells: ["요약!F2", "요약!G3"] })
    .mockResolvedValueOnce({ status: "done", changedCells: 2 });
  const { container } = render(<App ops={ops(regenerate)} />);
  fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
  const question = await screen.findByRole("alertdialog");
  // Inline in the pane: Fluent's dialog would sit in a portal outside the pane's container.
  expect(container).toContainElement(question);
  expect(question).toHaveTextContent("수정한 셀을 덮어쓸까요?");
  expect(question).toHaveTextContent("요약!F2, 요약!G3");
  fireEvent.click(within(question).getByRole("button", { name: "덮어쓰기" }));
  await waitFor(() => expect(regenerate).toHaveBeenLastCalledWith({ force: true }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("바뀐 셀 2개"));
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  // The pane is still there and usable.
  expect(screen.getByRole("button", { name: "요약 다시 만들기" })).toBeEnabled();
});

test("a dialog chunk that fails to load: cancel leaves the workbook alone", async () => {
  const regenerate = jest.fn().mockResolvedValue({ status: "confirm-needed", editedCells: ["요약!F2"] });
  render(<App ops={ops(regenerate)} />);
  fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
  const question = await screen.findByRole("alertdialog");
  fireEvent.click(within(question).getByRole("button", { name: "취소" }));
  await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
  expect(regenerate).toHaveBeenCalledTimes(1);
});
