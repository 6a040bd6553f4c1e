/**
 * The plan table that closes each task section (【'20년 추진계획】):
 *
 *   구 분 | | 목표인원 및 예산
 *   일자리 창출 성과목표 | | 28명
 *   사 업 비 | 계 | 43,900천원
 *   | 국비 | -
 *   | 지방비 | 시도비 | -
 *   | | 시군구비 | 43,900천원
 *   | 민자 | -
 *
 * Labels sit in varying columns (merged cells), so each row is read as "labels, then the
 * first cell after them", not by column position.
 */
import { resolveSource } from "../core/amounts";
import type { Budget, FundingSource, SourceRef } from "../core/model";
import { budgetFromCells, type FieldCell } from "./budget-cells";
import { foldLabel, type Row } from "./lines";
import { readCount } from "./numbers";
import type { FindingSink } from "./report";

export interface TaskPlanTable {
  target: number | null;
  targetRef?: SourceRef;
  budget: Budget;
  ref: SourceRef;
}

type LabelKind = "header" | "target" | "budget-group" | "total" | "local" | { source: string };

/** What a label cell of the plan table means, or null when the cell is not a label. */
export function planLabel(cell: string, sources: readonly FundingSource[]): LabelKind | null {
  const f = foldLabel(cell);
  if (!f) return null;
  if (f === "구분" || f.includes("목표인원및예산") || f === "목표인원및사업비") return "header";
  if (f.includes("성과목표") || f === "일자리목표" || f === "목표인원" || f === "일자리창출목표") return "target";
  if (f === "사업비" || f === "사업예산" || f === "예산" || f === "총사업비") return "budget-group";
  if (f === "계" || f === "합계" || f === "총계" || f === "소계") return "total";
  if (f === "지방비") return "local";
  const src = resolveSource(cell, sources);
  // One-letter aliases (구, 시, 도) are for running text; a table label is a full word.
  if (src && f.length >= 2) return { source: src.key };
  return null;
}

export function readTaskPlanTable(
  rows: readonly Row[],
  markerLine: number,
  sources: readonly FundingSource[],
  path: string[],
  sink: FindingSink,
): TaskPlanTable {
  let target: number | null = null;
  let targetRef: SourceRef | undefined;
  const cells: FieldCell[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => c === "")) continue;
    const labels: LabelKind[] = [];
    let value: string | undefined;
    let valueSeen = false;
    for (const cell of row.cells) {
      if (cell === "") continue;
      if (valueSeen) {
        // A second value in one row: the row says more than one thing; keep it visible.
        if (value !== undefined) value += "\t" + cell;
        continue;
      }
      const kind = planLabel(cell, sources);
      if (kind) labels.push(kind);
      else {
        value = cell;
        valueSeen = true;
      }
    }
    if (labels.includes("header")) continue;
    const source = [...labels].reverse().find((l): l is { source: string } => typeof l === "object");
    const text = value ?? "";
    if (text.includes("\t")) {
      sink.unreadable(row.line, path, row.cells.filter((c) => c).join(" | "), "task-plan", {
        ko: "한 행에 값이 여러 개입니다",
        en: "more than one value in a row",
      });
      continue;
    }
    if (source) cells.push({ field: source.source, text, line: row.line });
    else if (labels.includes("total") || (labels.length === 1 && labels[0] === "budget-group"))
      cells.push({ field: "total", text, line: row.line });
    else if (labels.includes("target")) {
      targetRef = { line: row.line };
      const c = readCount(text);
      if (c.kind === "value") target = c.value;
      else if (c.kind === "malformed") {
        target = c.candidates[0];
        targetRef.raw = c.raw;
        sink.malformedNumber({
          line: row.line,
          path,
          table: "task-plan",
          field: "target",
          raw: c.raw,
          likely: target,
          unit: "명",
        });
      } else if (c.kind === "unreadable")
        sink.unreadable(row.line, path, text, "task-plan", { ko: "일자리 목표", en: "job target" }, "error");
    } else {
      sink.unreadable(row.line, path, row.cells.filter((c) => c).join(" | "), "task-plan", {
        ko: "알 수 없는 행",
        en: "unknown row",
      });
    }
  }
  const budget = budgetFromCells(cells, { defaultUnit: "천원", target: "천원", path, table: "task-plan", sink });
  const out: TaskPlanTable = { target, budget, ref: { line: markerLine } };
  if (targetRef) out.targetRef = targetRef;
  return out;
}
