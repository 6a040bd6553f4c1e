/**
 * Excel custom functions of jobplan, namespace PLAN (set in the manifest): PLAN.JOBTARGET,
 * PLAN.BUDGET, PLAN.SPLITCHECK, PLAN.RECONCILE, PLAN.FINDINGS.
 *
 * This file is the entry of custom-functions-metadata(-plugin): functions.json is generated
 * from the JSDoc below (one description per function: Korean first, then English). Each
 * function is a thin wrapper over a pure module of src/functions that takes plain arrays and
 * returns a tagged result; an error becomes a CustomFunctions.Error (#VALUE! for a bad
 * argument, #N/A for an unknown strategy / task) and nothing throws. Excel accepts an error
 * object as the result of any custom function, hence the casts to the declared result type.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- functions.json takes its types from these signatures: any[][] is a matrix of any cell type. */
import { budget as budgetLogic, jobTarget as jobTargetLogic } from "./aggregate";
import { findings as findingsLogic } from "./findings";
import { reconcile as reconcileLogic } from "./reconcile";
import { customFunctionsRuntime, guard, toExcelMatrix, toExcelScalar } from "./runtime";
import { splitCheck as splitCheckLogic } from "./splitcheck";

/**
 * 추진전략(또는 실천과제)의 일자리 목표(명) 합계. 상세표를 머리글 행과 함께 넘기면(예: TaskPlans[#All]) 상세가 바뀔 때 다시 계산됩니다. Job target (persons) of a strategy or task, summed from the detail table passed with its header row (e.g. TaskPlans[#All]).
 * @customfunction JOBTARGET JOBTARGET
 * @param detail 상세표(추진계획 또는 세부사업, 머리글 포함) / detail table with its header row (task plans, or projects: sums 인원)
 * @param strategy 추진전략 이름('*'는 전체) / strategy name ('*' for all)
 * @param [task] 실천과제 이름(생략 시 전략 전체) / task name (omit for the whole strategy)
 * @returns 일자리 목표(명) / job target (persons)
 */
export function jobTarget(detail: any[][], strategy: string, task?: string): number {
  return toExcelScalar(guard(() => jobTargetLogic(detail, strategy, task))) as number;
}

/**
 * 추진전략(또는 실천과제)의 사업예산 합계: 재원별, 천원 또는 백만원(반올림). Budget of a strategy or task, by funding source, in 천원 (thousand won) or 백만원 (million won, rounded half up once after summing).
 * @customfunction BUDGET BUDGET
 * @param detail 상세표(머리글 포함) / detail table with its header row
 * @param strategy 추진전략 이름('*'는 전체) / strategy name ('*' for all)
 * @param [task] 실천과제 이름(생략 가능) / task name (optional)
 * @param [source] 재원: 계(기본), 국비, 시비·도비, 구비·군비, 민자, 지방비 / funding source: total (default), national, province, municipal, private, local
 * @param [unit] 단위: 천원(기본) 또는 백만원 / unit: 천원 (thousand, default) or 백만원 (million)
 * @param [rounding] 백만원 반올림: 반올림(기본) 또는 끝수조정(최대잉여) / rounding to millions: half-up (default) or largest-remainder
 * @returns 사업예산 / budget
 */
export function budget(
  detail: any[][],
  strategy: string,
  task?: string,
  source?: string,
  unit?: string,
  rounding?: string,
): number {
  return toExcelScalar(guard(() => budgetLogic(detail, strategy, task, source, unit, rounding))) as number;
}

/**
 * 계와 재원별 금액의 합이 같으면 "OK", 다르면 차이(계 − 재원 합)를 보여줍니다. "OK" when a total equals the sum of its parts, else the signed difference (total − parts).
 * @customfunction SPLITCHECK SPLITCHECK
 * @param total 계 / total
 * @param parts 재원별 금액(셀 또는 범위, 여러 개) / the parts (cells or ranges, repeating)
 * @returns "OK" 또는 차이 / "OK" or the difference
 */
export function splitCheck(total: any, parts: any[][][]): string {
  return toExcelScalar(guard(() => splitCheckLogic(total, parts))) as string;
}

/**
 * 요약표의 각 행을 상세표와 대사: OK, rounding(±1 끝수), mismatch(차이). 결과는 요약 범위의 행마다 한 칸씩 세로로 펼쳐집니다. Reconciles each summary row with the detail: OK, rounding (±1) or mismatch with the difference; spills one status per row of the summary range.
 * @customfunction RECONCILE RECONCILE
 * @param summary 요약표(머리글 포함, 백만원) / summary table with its header row (million won)
 * @param detail 상세표(머리글 포함, 천원) / detail table with its header row (thousand won)
 * @param [unit] 요약표 단위: 백만원(기본) 또는 천원 / unit of the summary: 백만원 (default) or 천원
 * @returns 행별 상태 / one status per summary row
 */
export function reconcile(summary: any[][], detail: any[][], unit?: string): string[][] {
  return toExcelMatrix(guard(() => reconcileLogic(summary, detail, unit))) as string[][];
}

/**
 * 계획의 모든 검증 결과를 표로 펼칩니다: 심각도, 코드, 위치, 내용, 기대값, 실제값. All findings of the plan built from the ranges, as a spilled table: severity, code, location, message, expected, actual.
 * @customfunction FINDINGS FINDINGS
 * @param detail 상세표(추진계획 또는 세부사업, 머리글 포함) / detail table with its header row (task plans or projects)
 * @param [tasks] 추진계획표 또는 세부사업표(머리글 포함) / the other detail table (task plans or projects)
 * @param [summary] 요약표(머리글 포함, 백만원) / summary table with its header row (million won)
 * @param [language] 언어: ko(기본) 또는 en / language of headers and messages: ko (default) or en
 * @returns 검증 결과 표 / findings table
 */
export function findings(detail: any[][], tasks?: any[][], summary?: any[][], language?: string): any[][] {
  return toExcelMatrix(guard(() => findingsLogic(detail, tasks, summary, language)));
}

/** Function ids (as in functions.json) and their implementations. */
export const FUNCTION_IDS = {
  JOBTARGET: jobTarget,
  BUDGET: budget,
  SPLITCHECK: splitCheck,
  RECONCILE: reconcile,
  FINDINGS: findings,
} as const;

/**
 * Registers the functions with the custom-functions runtime. Safe to call where there is
 * none (Node, jest): it does nothing. (The webpack plugin appends the same associate calls
 * to this file; associating an id twice with the same function is harmless.)
 */
export function registerFunctions(): boolean {
  const cf = customFunctionsRuntime();
  if (!cf) return false;
  for (const [id, fn] of Object.entries(FUNCTION_IDS)) cf.associate(id, fn as (...args: never[]) => unknown);
  return true;
}

registerFunctions();
