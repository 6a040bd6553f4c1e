/**
 * The plan table that closes each task section (【'20년 추진계획】), cut into the cells of
 * one row of the task plans (target, 계, one cell per source):
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
 * first cell after them", not by column position. A unit named in the header
 * (`목표 및 예산 (단위: 명, 백만원)`) holds for the bare numbers below it.
 */
import { resolveSource } from "../core/amounts";
import type { FundingSource, Unit } from "../core/model";
import { sourceField, type Field } from "../core/plan-builder";
import { unitInHeader } from "../core/vocabulary";
import { foldLabel, type Row } from "./lines";
import type { FindingSink } from "./report";

type LabelKind = "header" | "target" | "budget-group" | "total" | "local" | { source: string };

/** What a label cell of the plan table means, or null when the cell is not a label. */
export function planLabel(cell: string, sources: readonly FundingSource[]): LabelKind | null {
  const f = foldLabel(cell);
  if (!f) return null;
  if (f === "구분" || /및(?:예산|사업비)/.test(f)) return "header";
  if (f.includes("성과목표") || f === "일자리목표" || f === "목표인원" || f === "일자리창출목표") return "target";
  if (f === "사업비" || f === "사업예산" || f === "예산" || f === "총사업비" || f === "소요예산") return "budget-group";
  if (f === "계" || f === "합계" || f === "총계" || f === "소계") return "total";
  if (f === "지방비") return "local";
  const src = resolveSource(cell, sources);
  // One-letter aliases (구, 시, 도) are for running text; a table label is a full word.
  if (src && f.length >= 2) return { source: src.key };
  return null;
}

export interface TaskPlanCells {
  /** Cell text by builder field (`target`, `total`, `src:<key>`). */
  cells: Record<Field, string>;
  /** Line of each cell. */
  lines: Record<Field, number>;
}

/** Bare numbers take the header's unit, so that the cell says what the table meant. */
function withUnit(text: string, unit: Unit | undefined): string {
  if (!unit || !/^[△-]?\s*[\d０-９][\d０-９,.\s]*$/.test(text.trim())) return text;
  return text.trim() + unit;
}

export function readTaskPlanTable(rows: readonly Row[], sources: readonly FundingSource[], path: string[], sink: FindingSink): TaskPlanCells {
  const out: TaskPlanCells = { cells: {}, lines: {} };
  let unit: Unit | undefined;
  const put = (field: Field, text: string, line: number) => {
    out.cells[field] = text;
    out.lines[field] = line;
  };
  for (const row of rows) {
    if (row.cells.every((c) => c === "")) continue;
    const labels: LabelKind[] = [];
    const values: string[] = [];
    for (const cell of row.cells) {
      if (cell === "") continue;
      const kind = values.length ? null : planLabel(cell, sources);
      if (kind) labels.push(kind);
      else values.push(cell);
    }
    if (labels.includes("header")) {
      unit = row.cells.map((c) => unitInHeader(c)).find((u) => u !== undefined) ?? unit;
      continue;
    }
    if (values.length > 1) {
      sink.unreadable(row.line, path, row.cells.filter((c) => c).join(" | "), "task-plan", { ko: "한 행에 값이 여러 개입니다", en: "more than one value in a row" });
      continue;
    }
    const text = values[0] ?? "";
    const source = [...labels].reverse().find((l): l is { source: string } => typeof l === "object");
    if (source) put(sourceField(source.source), withUnit(text, unit), row.line);
    else if (labels.includes("total") || (labels.length === 1 && labels[0] === "budget-group")) put("total", withUnit(text, unit), row.line);
    else if (labels.includes("target")) put("target", text, row.line);
    else sink.unreadable(row.line, path, row.cells.filter((c) => c).join(" | "), "task-plan", { ko: "알 수 없는 행", en: "unknown row" });
  }
  return out;
}
