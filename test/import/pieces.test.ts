/** Unit tests for the small pieces of the text importer. */
import { DEFAULT_SOURCES } from "../../src/core/model";
import { cellsOf, cleanText, foldLabel, listItems, readTable, splitLines } from "../../src/import/lines";
import { baseNameKey, displayName, headingTaskPart, nameKey, nameSimilarity, sameName } from "../../src/import/names";
import { defaultSettings } from "../../src/core/model";
import { buildPlan, sourceField } from "../../src/core/plan-builder";
import { readBudgetLine } from "../../src/import/budget-line";
import { textTable } from "../../src/import/text-table";
import { FindingSink } from "../../src/import/report";
import { planLabel, readTaskPlanTable } from "../../src/import/task-plan-table";
import { findDetailSections, isPlanTableMarker, parseStrategyLabel } from "../../src/import/sections";
import { importPlanText } from "../../src/import";

const S = DEFAULT_SOURCES;

describe("lines and labels", () => {
  test("labels fold spaces, bold marks, full-width and punctuation", () => {
    expect(foldLabel("사 업 비")).toBe("사업비");
    expect(foldLabel("**사업비**")).toBe("사업비");
    expect(foldLabel("사업비 :")).toBe("사업비");
    expect(foldLabel("합　계")).toBe("합계");
    expect(foldLabel("예 산(백만원)")).toBe("예산백만원");
  });

  test("cleanText removes bold marks and collapses spaces", () => {
    expect(cleanText("  ○ **경력단절여성   취업장애 극복 프로젝트** ")).toBe("○ 경력단절여성 취업장애 극복 프로젝트");
  });

  test("tab rows keep empty cells for column positions", () => {
    expect(cellsOf("\t\t시군구비\t43,900천원")).toEqual(["", "", "시군구비", "43,900천원"]);
    const lines = splitLines("a\tb\r\n\tc\r\n\r\nx\ty\nend");
    expect(readTable(lines, 0).rows.map((r) => r.line)).toEqual([1, 2]);
    expect(readTable(lines, 0, { allowGaps: true }).rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  test("project lists from HTML fragments split on ▷", () => {
    expect(listItems('<ul style="list-style-type: none"> ▷ 기업&amp;일자리 지원센터 운영 ▷ 상시 취업지원시스템 구축 </ul>')).toEqual([
      "기업&일자리 지원센터 운영",
      "상시 취업지원시스템 구축",
    ]);
  });
});

describe("project budget lines", () => {
  const FIELDS = ["strategy", "task", "project", "total", ...S.map((x) => sourceField(x.key))];
  /** A budget line through the importer's cutting and the builder's reading, as in a plan. */
  const read = (t: string) => {
    const line = readBudgetLine(t, S);
    const row = { line: 7, cells: { strategy: "s", task: "t", project: "p", ...line?.cells } };
    const built = buildPlan({ settings: defaultSettings(), tables: [textTable("projects", FIELDS, [row], { line: 1 })], tasksFromProjects: true });
    const b = built.plan.strategies[0].tasks[0].projects[0].budget;
    return { b: b && { total: b.total, parts: b.parts }, refs: b?.refs, findings: built.findings, problems: line?.problems ?? [] };
  };

  test("split with spaces", () => {
    expect(read("154,000천원(국 108,000, 구 46,000)").b).toEqual({ total: 154_000, parts: { national: 108_000, municipal: 46_000 } });
  });

  test("(전액 구비) and (전액구비) put the whole budget on one source", () => {
    expect(read("38,000천원(전액 구비)").b).toEqual({ total: 38_000, parts: { municipal: 38_000 } });
    expect(read("333,120천원(전액구비)").b).toEqual({ total: 333_120, parts: { municipal: 333_120 } });
    // A mistake in such a budget is one finding, at 계; the source follows its reading.
    const r = read("38,0000천원(전액 구비)");
    expect(r.b).toEqual({ total: 38_000, parts: { municipal: 38_000 } });
    expect(r.findings.map((f) => [f.code, f.location.field])).toEqual([["malformed-number", "total"]]);
  });

  test("missing comma between pieces", () => {
    expect(read("417,216천원(국173,808 시121,704, 구121,704)").b).toEqual({
      total: 417_216,
      parts: { national: 173_808, province: 121_704, municipal: 121_704 },
    });
  });

  test("a split that does not add up is kept as written (checks report it)", () => {
    const r = read("3,082,032천원(시392,918, 구838,697)");
    expect(r.b).toEqual({ total: 3_082_032, parts: { province: 392_918, municipal: 838_697 } });
    expect(r.findings).toEqual([]);
  });

  test("a malformed part is resolved against the total, loudly", () => {
    const r = read("100,000천원(국 50,000, 도 27,5000, 군 22,500)");
    expect(r.b).toEqual({ total: 100_000, parts: { national: 50_000, province: 27_500, municipal: 22_500 } });
    expect(r.findings).toMatchObject([{ code: "malformed-number", severity: "error", expected: 27_500, actual: null, location: { line: 7, field: "province" } }]);
  });

  test("a malformed total is resolved against the parts", () => {
    const r = read("154,0000천원(국 108,000, 구 46,000)");
    expect(r.b?.total).toBe(154_000);
    expect(r.findings[0]).toMatchObject({ code: "malformed-number", location: { field: "total" }, expected: 154_000 });
  });

  test("a malformed figure keeps its text on its ref, as its own cell would hold it", () => {
    // The label goes (the column names the source); the budget's unit stays with the figure.
    expect(read("100,000천원(국 50,000, 도 27,5000, 군 22,500)").refs).toEqual({
      total: { line: 7 },
      national: { line: 7 },
      province: { line: 7, raw: "27,5000천원" },
      municipal: { line: 7 },
      // Every cell of the row has its place, stated or not (a workbook's empty cell too).
      private: { line: 7 },
    });
    expect(read("154,0000천원(국 108,000, 구 46,000)").refs?.total).toEqual({ line: 7, raw: "154,0000천원" });
    expect(read("2억원(국 1,0, 시 1)").refs?.national).toEqual({ line: 7, raw: "1,0억원" });
  });

  test("an unknown source is reported, not dropped", () => {
    const r = read("10,000천원(기금 10,000)");
    expect(r.b).toEqual({ total: 10_000, parts: {} });
    expect(r.problems).toMatchObject([{ text: "기금 10,000" }]);
  });

  test("the shapes budget lines take in other plans", () => {
    // One source only, in 억원: the whole budget is that source's.
    expect(read("민자 3억원").b).toEqual({ total: 300_000, parts: { private: 300_000 } });
    // A split in the total's unit (억원), with decimals.
    expect(read("12.5억원(국 5, 도 4.5, 시군 3)").b).toEqual({ total: 1_250_000, parts: { national: 500_000, province: 450_000, municipal: 300_000 } });
    // A mixed-unit split: 민자 names its own unit.
    expect(read("600백만원(국비 150, 도비 90, 시군비 60, 민자 3억원)").b).toEqual({
      total: 600_000,
      parts: { national: 150_000, province: 90_000, municipal: 60_000, private: 300_000 },
    });
    // An approximation is read, and noted.
    const about = read("약 300백만원(도비 150, 시군비 150)");
    expect(about.b?.total).toBe(300_000);
    expect(about.findings.map((f) => [f.code, f.severity])).toEqual([["approximate", "info"]]);
    // A range is no figure: one warning, and a remark in parentheses is not a split.
    const range = read("1~2억원(투자 규모 협의 중)");
    expect(range.b).toEqual({ total: null, parts: {} });
    expect(range.findings.map((f) => [f.code, f.severity])).toEqual([["unreadable", "warning"]]);
    expect(range.problems).toEqual([]);
  });
});

describe("task plan table", () => {
  const rows = (text: string) => readTable(splitLines(text), 0).rows;
  const FIELDS = ["strategy", "task", "target", "total", ...S.map((x) => sourceField(x.key))];
  /** The table's cells read by the builder, as one row of the task plans. */
  const read = (text: string) => {
    const sink = new FindingSink();
    const t = readTaskPlanTable(rows(text), S, ["s", "t"], sink);
    const row = { line: 1, cells: { strategy: "s", task: "t", ...t.cells }, lines: t.lines };
    const built = buildPlan({ settings: defaultSettings(), tables: [textTable("taskPlans", FIELDS, [row], { line: 1 })] });
    return { task: built.plan.strategies[0].tasks[0], findings: [...sink.findings, ...built.findings] };
  };

  test("labels: spaced 사 업 비, 지방비 group, sources", () => {
    expect(planLabel("사 업 비", S)).toBe("budget-group");
    expect(planLabel("소요예산", S)).toBe("budget-group");
    expect(planLabel("계", S)).toBe("total");
    expect(planLabel("지방비", S)).toBe("local");
    expect(planLabel("시도비", S)).toEqual({ source: "province" });
    expect(planLabel("시군구비", S)).toEqual({ source: "municipal" });
    expect(planLabel("국 비", S)).toEqual({ source: "national" });
    expect(planLabel("일자리 창출 성과목표", S)).toBe("target");
    expect(planLabel("목표 및 예산 (단위: 명, 백만원)", S)).toBe("header");
    expect(planLabel("43,900천원", S)).toBeNull();
  });

  test("reads labels in any column, '-' and empty as none, 억원", () => {
    const { task, findings } = read(
      [
        "구 분\t\t목표인원 및 예산\t",
        "일자리 창출 성과목표\t\t2,500명\t",
        "사업비\t계\t6,678억원\t",
        "\t국비\t\t",
        "\t지방비\t시도비\t-",
        "\t\t시군구비\t-",
        "\t민자\t6,678억원\t",
      ].join("\n"),
    );
    expect(task.target).toBe(2_500);
    expect({ total: task.budget.total, parts: task.budget.parts }).toEqual({ total: 667_800_000, parts: { private: 667_800_000 } });
    expect(findings).toEqual([]);
  });

  test("a unit in the header holds for the bare numbers below it", () => {
    const { task } = read(["구 분\t\t목표 및 예산 (단위: 명, 백만원)\t", "일자리 창출 목표\t\t95\t", "사 업 비\t계\t600\t", "\t국 비\t90\t", "\t지방비\t도 비\t324.6", "\t\t시군비\t185.4", "\t민 자\t-\t"].join("\n"));
    expect({ target: task.target, total: task.budget.total, parts: task.budget.parts }).toEqual({
      target: 95,
      total: 600_000,
      parts: { national: 90_000, province: 324_600, municipal: 185_400 },
    });
  });

  test("malformed 867,5000천원 becomes 867,500 with an error finding", () => {
    const { task, findings } = read(["사 업 비\t계\t1,200,000천원\t", "\t국비\t867,5000천원\t", "\t지방비\t시도비\t165,450천원", "\t\t시군구비\t167,050천원"].join("\n"));
    expect(task.budget.parts.national).toBe(867_500);
    // The text as written stays with the figure so that the workbook can hold it.
    expect(task.budget.refs?.national).toEqual({ line: 2, raw: "867,5000천원" });
    expect(task.budget.refs?.total).toEqual({ line: 1 });
    expect(findings).toMatchObject([
      { code: "malformed-number", severity: "error", location: { line: 2, field: "national", path: ["s", "t"] }, expected: 867_500, actual: null },
    ]);
  });

  test("an unknown row is an unreadable finding with its line", () => {
    const { findings } = read("사업비\t계\t100천원\n\t기타재원\t5천원");
    expect(findings).toMatchObject([{ code: "unreadable", location: { line: 2, table: "task-plan" } }]);
  });
});

describe("names", () => {
  test("display names drop numbering and bold marks", () => {
    expect(displayName("① 청년 창업 공간 조성사업")).toBe("청년 창업 공간 조성사업");
    expect(displayName("○ **거주외국인 직업교육**")).toBe("거주외국인 직업교육");
    expect(displayName("1. 청년 행복 일자리 확대")).toBe("청년 행복 일자리 확대");
    expect(displayName("50플러스 취업컨설턴트")).toBe("50플러스 취업컨설턴트");
  });

  test("keys ignore spaces and punctuation; base keys ignore remarks", () => {
    expect(nameKey("사회적 경제조직 육성·지원")).toBe(nameKey("사회적경제조직 육성ㆍ지원"));
    expect(baseNameKey("로봇·드론 산업 육성 프로젝트(지산맞)")).toBe(baseNameKey("로봇·드론 산업 육성 프로젝트"));
    expect(sameName("경쟁력 있는 산업단지 제조업 일자리 창출", "경쟁력있는 산업단지· 제조업 일자리 창출")).toBe(true);
    expect(sameName("장애인 일자리 사업", "장애인 근로사업장 운영")).toBe(false);
  });

  test("heading task part and similarity", () => {
    expect(headingTaskPart("청년 창업가 발굴·육성을 위한 청년 창업 인프라 조성")).toBe("청년 창업 인프라 조성");
    expect(nameSimilarity("청년 취업역량 강화", "청년 취업 역량 강화")).toBe(1);
    expect(nameSimilarity("a", "")).toBe(0);
  });
});

describe("sections", () => {
  test("markers and strategy labels", () => {
    expect(isPlanTableMarker("【'20년 추진계획】")).toBe(true);
    expect(isPlanTableMarker("【20년 추진계획】")).toBe(true);
    expect(isPlanTableMarker("- 추진계획 수립")).toBe(false);
    expect(parseStrategyLabel("[전략3. 사회적경제 활성화]")).toEqual({ number: 3, name: "사회적경제 활성화" });
  });

  test("heading with and without a [전략] line", () => {
    const lines = splitLines(
      [
        "[전략1. 가]",
        "",
        "목적을 위한 과제 하나",
        "",
        "□ 사업목적",
        "【'20년 추진계획】",
        "사업비\t계\t1천원",
        "",
        "과제 둘",
        "□ 사업목적",
        "【'20년 추진계획】",
        "사업비\t계\t2천원",
      ].join("\n"),
    );
    const s = findDetailSections(lines, 0);
    expect(s.map((x) => [x.strategyLabel?.number ?? null, x.heading?.text, x.heading?.line, x.tableRows.length])).toEqual([
      [1, "목적을 위한 과제 하나", 3, 1],
      [null, "과제 둘", 9, 1],
    ]);
  });
});

describe("assembly", () => {
  const summary = [
    "추진전략\t실천과제\t세부사업내용\t일자리 목표\t사업예산 (백만원)",
    "전략 가\t과제 하나\t▷ 사업 A\t1\t1",
    "\t과제 둘\t▷ 사업 B\t2\t2",
    "",
    "IV. 세부실천과제",
    "",
  ];
  const section = (heading: string, amount: string) => [
    heading,
    "",
    "□ 사업내용",
    "○ 사업",
    "- 사업예산 : " + amount + "(전액 구비)",
    "【'20년 추진계획】",
    "사 업 비\t계\t" + amount,
    "",
  ];

  test("sections attach to summary tasks in order", () => {
    const { plan } = importPlanText([...summary, ...section("과제 하나", "1,000천원"), ...section("과제 둘", "2,000천원")].join("\n"));
    expect(plan.strategies[0].tasks.map((t) => [t.name, t.budget.total, t.projects[0].budget?.parts])).toEqual([
      ["과제 하나", 1_000, { municipal: 1_000 }],
      ["과제 둘", 2_000, { municipal: 2_000 }],
    ]);
  });

  test("when counts differ, sections pair by name and the rest is reported as unmatched", () => {
    const { plan, findings } = importPlanText([...summary, ...section("둘째를 위한 과제 둘", "2,000천원")].join("\n"));
    // The plan holds what the detail states; the summary's task without a section is reported.
    expect(plan.strategies[0].tasks.map((t) => [t.name, t.budget.total])).toEqual([["과제 둘", 2_000]]);
    expect(findings.filter((f) => f.code === "unmatched")).toMatchObject([{ location: { path: ["전략 가", "과제 하나"] } }]);
    // The other summary tables are absent from this text: reported, not silently skipped.
    expect(findings.filter((f) => f.code === "missing-table").map((f) => f.location.table)).toEqual([
      "plan-budget",
      "summary-by-strategy",
      "common-targets",
      "schedule",
    ]);
  });

  test("no summary by task: strategies from [전략] lines, tasks from headings", () => {
    const { plan, findings } = importPlanText(["[전략1. 전략 가]", "", ...section("목적을 위한 과제 하나", "1,000천원")].join("\n"));
    expect(plan.strategies.map((s) => [s.name, s.tasks.map((t) => t.name)])).toEqual([["전략 가", ["과제 하나"]]]);
    expect(findings.some((f) => f.code === "missing-table" && f.location.table === "summary-by-task")).toBe(true);
  });

  test("text stays text: nothing is evaluated", () => {
    const { plan } = importPlanText([...summary.slice(0, 2), "\t=1+1\t▷ ${process.exit()}\t2\t2"].join("\n"));
    expect(plan.summary.byTask!.rows[1]).toMatchObject({ task: "=1+1", projects: ["${process.exit()}"] });
  });
});
