/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import "./jsdom-setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { PlanWorkbookOps } from "../../src/excel/adapter";
import type { Finding } from "../../src/core/findings";
import { langOf } from "../../src/taskpane/i18n";


function finding(severity: Finding["severity"], sheet: string | undefined, cell: string | undefined, ko: string): Finding {
  return {
    code: "split",
    severity,
    message: { ko, en: `EN ${ko}` },
    location: { path: ["전략", "과제"], sheet, cell },
  };
}

const FINDINGS: Finding[] = [
  finding("error", "추진계획", "D3", "계가 재원 합과 다릅니다"),
  finding("warning", "요약", "F2", "반올림 차이"),
  finding("warning", undefined, undefined, "문서 경고"),
  finding("info", "세부사업", "E4", "참고 사항"),
];

function fakeOps(overrides: Partial<PlanWorkbookOps> = {}): jest.Mocked<PlanWorkbookOps> {
  return {
    insertTemplate: jest.fn(async () => ({ sheets: ["요약", "추진계획"], tables: ["TaskPlans"], names: [], lambdaNames: true })),
    importText: jest.fn(async () => ({ findings: FINDINGS })),
    validate: jest.fn(async () => FINDINGS),
    regenerate: jest.fn(async () => ({ status: "done" as const, changedCells: 7 })),
    undoRegeneration: jest.fn(async () => true),
    selectCell: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<PlanWorkbookOps>;
}

function status(): HTMLElement {
  return screen.getByRole("status");
}

describe("language", () => {
  test("Korean by default and for ko-KR, English for en-*", () => {
    expect(langOf(undefined)).toBe("ko");
    expect(langOf("ko-KR")).toBe("ko");
    expect(langOf("en-US")).toBe("en");
    expect(langOf("en-GB")).toBe("en");
    expect(langOf("fr-FR")).toBe("ko");
  });

  test("renders Korean", () => {
    render(<App ops={fakeOps()} />);
    expect(screen.getByRole("heading", { name: "서식 넣기" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "검증하기" })).toBeInTheDocument();
  });

  test("renders English for en-US", () => {
    render(<App ops={fakeOps()} locale="en-US" />);
    expect(screen.getByRole("heading", { name: "Insert template" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Validate" })).toBeInTheDocument();
  });
});

describe("insert template", () => {
  test("passes the form to ops.insertTemplate and announces the result", async () => {
    const ops = fakeOps({
      insertTemplate: jest.fn(async () => ({ sheets: ["a", "b", "c"], tables: [], names: [], lambdaNames: false, message: { ko: "LAMBDA 없음", en: "no LAMBDA" } })),
    });
    render(<App ops={ops} />);
    fireEvent.change(screen.getByLabelText(/계획 이름/), { target: { value: "2020 서구 계획" } });
    fireEvent.change(screen.getByLabelText(/지자체/), { target: { value: "인천 서구" } });
    fireEvent.change(screen.getByLabelText(/연도/), { target: { value: "2021" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "민자" }));
    fireEvent.change(screen.getByLabelText(/다른 재원/), { target: { value: "도비, 군비" } });
    fireEvent.click(screen.getByRole("radio", { name: /끝수 조정/ }));
    fireEvent.click(screen.getByRole("button", { name: "서식 넣기" }));
    await waitFor(() => expect(status()).toHaveTextContent("시트 3개"));
    expect(status()).toHaveTextContent("LAMBDA 없음");
    expect(ops.insertTemplate).toHaveBeenCalledWith({
      planName: "2020 서구 계획",
      region: "인천 서구",
      year: 2021,
      sources: ["national", "province", "municipal", "도비", "군비"],
      roundingMode: "largest-remainder",
      protect: false,
    });
  });

  test("an invalid year disables the button", () => {
    render(<App ops={fakeOps()} />);
    fireEvent.change(screen.getByLabelText(/연도/), { target: { value: "20" } });
    expect(screen.getByRole("button", { name: "서식 넣기" })).toBeDisabled();
  });
});

describe("import and validate", () => {
  test("import sends the pasted text; findings are grouped by severity with counts", async () => {
    const ops = fakeOps();
    render(<App ops={ops} />);
    const button = screen.getByRole("button", { name: "가져오기" });
    expect(button).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/텍스트를 붙여 넣으세요/), { target: { value: "계획 본문" } });
    fireEvent.click(button);
    await waitFor(() => expect(ops.importText).toHaveBeenCalledWith("계획 본문", expect.any(Function), { protect: false }));
    const errors = await screen.findByRole("group", { name: /오류/ });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(1);
    expect(screen.getByRole("heading", { name: /오류.*\(1\)/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /경고.*\(2\)/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /참고.*\(1\)/ })).toBeInTheDocument();
    expect(status()).toHaveTextContent("확인할 항목 4개");
  });

  test("a finding's link selects its cell", async () => {
    const ops = fakeOps();
    render(<App ops={ops} />);
    fireEvent.click(screen.getByRole("button", { name: "검증하기" }));
    const link = await screen.findByRole("button", { name: "추진계획!D3으로 이동" });
    fireEvent.click(link);
    await waitFor(() => expect(ops.selectCell).toHaveBeenCalledWith("추진계획", "D3"));
    // A finding without a cell has no link, only its place.
    expect(screen.getByText("문서 경고")).toBeInTheDocument();
  });

  test("English messages for en-US", async () => {
    render(<App ops={fakeOps()} locale="en-US" />);
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText("EN 반올림 차이")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Warnings.*\(2\)/ })).toBeInTheDocument();
  });

  test("no findings says so", async () => {
    render(<App ops={fakeOps({ validate: jest.fn(async () => []) })} />);
    fireEvent.click(screen.getByRole("button", { name: "검증하기" }));
    expect(await screen.findByText("찾은 문제가 없습니다.")).toBeInTheDocument();
  });
});

describe("progress and errors", () => {
  test("shows progress in a live region while working and disables the buttons", async () => {
    let finish: (f: Finding[]) => void = () => undefined;
    const ops = fakeOps({
      validate: jest.fn(
        (onProgress?: (p: { step: "read" | "compute" | "write" | "done"; fraction: number }) => void) =>
          new Promise<Finding[]>((resolve) => {
            onProgress?.({ step: "read", fraction: 0.2 });
            finish = resolve;
          }),
      ),
    });
    render(<App ops={ops} />);
    fireEvent.click(screen.getByRole("button", { name: "검증하기" }));
    expect(status()).toHaveAttribute("aria-live", "polite");
    await waitFor(() => expect(status()).toHaveTextContent("읽는 중…"));
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "검증하기" })).toBeDisabled();
    await act(async () => finish([]));
    await waitFor(() => expect(screen.getByRole("button", { name: "검증하기" })).toBeEnabled());
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("a failure shows a clear error message", async () => {
    const ops = fakeOps({ validate: jest.fn(async () => Promise.reject(Object.assign(new Error("ItemNotFound: table TaskPlans"), { code: "ItemNotFound" }))) });
    render(<App ops={ops} />);
    fireEvent.click(screen.getByRole("button", { name: "검증하기" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("작업에 실패했습니다");
    expect(alert).toHaveTextContent("먼저 서식을 넣거나 계획을 가져오세요");
    fireEvent.click(within(alert).getByRole("button", { name: "닫기" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("protection of generated cells", () => {
  test("off by default; switched on, insert, import and regenerate protect, and the pane says what it costs", async () => {
    const ops = fakeOps();
    render(<App ops={ops} />);
    const toggle = screen.getByRole("switch", { name: "생성 셀 보호" });
    expect(toggle).not.toBeChecked();
    expect(screen.queryByText(/실행 취소 기록이 지워집니다/)).not.toBeInTheDocument();
    fireEvent.click(toggle);
    expect(toggle).toBeChecked();
    // Each operation clears Excel's undo history; jobplan's own undo stays.
    expect(toggle).toHaveAccessibleDescription(/Excel의 실행 취소 기록이 지워집니다.*되돌리기.*그대로 쓸 수 있습니다/);

    fireEvent.click(screen.getByRole("button", { name: "서식 넣기" }));
    await waitFor(() => expect(ops.insertTemplate).toHaveBeenCalledWith(expect.objectContaining({ protect: true })));
    fireEvent.change(screen.getByLabelText(/계획 문서의 텍스트/), { target: { value: "계획 본문" } });
    fireEvent.click(screen.getByRole("button", { name: "가져오기" }));
    await waitFor(() => expect(ops.importText).toHaveBeenCalledWith("계획 본문", expect.any(Function), { protect: true }));
    fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
    await waitFor(() => expect(ops.regenerate).toHaveBeenCalledWith({ protect: true }));

    fireEvent.click(toggle);
    await waitFor(() => expect(screen.queryByText(/실행 취소 기록이 지워집니다/)).not.toBeInTheDocument());
  });

  test("English wording", () => {
    render(<App ops={fakeOps()} locale="en-US" />);
    fireEvent.click(screen.getByRole("switch", { name: "Protect generated cells" }));
    expect(screen.getByRole("switch", { name: "Protect generated cells" })).toHaveAccessibleDescription(/undo history is cleared.*Undo last regeneration still works/);
  });
});

describe("notices that are no findings", () => {
  test("notes the host could not add are said in the status line, not listed as findings", async () => {
    const notice = { ko: "메모 3개를 생략했습니다.", en: "3 notes were left out." };
    const ops = fakeOps({ importText: jest.fn(async () => ({ findings: [], notice })) });
    render(<App ops={ops} />);
    fireEvent.change(screen.getByLabelText(/계획 문서의 텍스트/), { target: { value: "계획 본문" } });
    fireEvent.click(screen.getByRole("button", { name: "가져오기" }));
    await waitFor(() => expect(status()).toHaveTextContent("가져왔습니다. 확인할 항목 0개. 메모 3개를 생략했습니다."));
    expect(screen.getByText("찾은 문제가 없습니다.")).toBeInTheDocument();
  });
});

describe("regenerate", () => {
  test("done: reports changed cells and enables undo", async () => {
    const ops = fakeOps();
    render(<App ops={ops} />);
    const undo = screen.getByRole("button", { name: "마지막 다시 만들기 되돌리기" });
    expect(undo).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
    await waitFor(() => expect(status()).toHaveTextContent("바뀐 셀 7개"));
    expect(ops.regenerate).toHaveBeenCalledWith(undefined);
    expect(undo).toBeEnabled();
    fireEvent.click(undo);
    await waitFor(() => expect(status()).toHaveTextContent("되돌렸습니다."));
    expect(ops.undoRegeneration).toHaveBeenCalled();
  });

  test("confirm-needed opens a dialog; overwrite forces", async () => {
    const regenerate = jest
      .fn()
      .mockResolvedValueOnce({ status: "confirm-needed", editedCells: ["요약!F2", "요약!G3"] })
      .mockResolvedValueOnce({ status: "done", changedCells: 2 });
    const ops = fakeOps({ regenerate });
    const { container } = render(<App ops={ops} />);
    fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
    const dialog = await screen.findByRole("alertdialog");
    // Fluent's modal dialog, in its portal (confirm-fallback.test.tsx: the inline question when its chunk fails).
    expect(container).not.toContainElement(dialog);
    expect(dialog).toHaveTextContent("수정한 셀을 덮어쓸까요?");
    expect(dialog).toHaveTextContent("요약!F2, 요약!G3");
    fireEvent.click(within(dialog).getByRole("button", { name: "덮어쓰기" }));
    await waitFor(() => expect(regenerate).toHaveBeenLastCalledWith({ force: true }));
    await waitFor(() => expect(status()).toHaveTextContent("바뀐 셀 2개"));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  test("says how many summary rows regeneration added", async () => {
    const regenerate = jest.fn().mockResolvedValue({ status: "done", changedCells: 9, addedRows: { byTask: 2, byStrategy: 1 } });
    render(<App ops={fakeOps({ regenerate })} />);
    fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
    await waitFor(() => expect(status()).toHaveTextContent("바뀐 셀 9개. 요약 행 추가: 과제별 2, 분야별 1"));
  });

  test("confirm-needed; cancel leaves the workbook alone", async () => {
    const regenerate = jest.fn().mockResolvedValue({ status: "confirm-needed", editedCells: ["요약!F2"] });
    render(<App ops={fakeOps({ regenerate })} />);
    fireEvent.click(screen.getByRole("button", { name: "요약 다시 만들기" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "취소" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(regenerate).toHaveBeenCalledTimes(1);
  });
});
