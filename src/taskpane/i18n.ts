/**
 * Task-pane strings. Korean is the default; any `en*` Office display language gets English.
 */
import { SEVERITY_WORDS } from "../core/vocabulary";

export type Lang = "ko" | "en";

export function langOf(locale: string | undefined | null): Lang {
  return locale && /^en\b/i.test(locale.trim()) ? "en" : "ko";
}

const ko = {
  appTitle: "일자리 세부계획 도우미",
  insertTitle: "서식 넣기",
  planName: "계획 이름",
  planNameDefault: "일자리대책 연차별 세부계획",
  region: "지자체",
  year: "연도",
  sources: "재원",
  otherSources: "다른 재원 (쉼표로 구분)",
  otherSourcesHint: "예: 도비, 군비",
  rounding: "백만원 반올림",
  roundHalfUp: "반올림 (각 칸 따로)",
  roundLargestRemainder: "끝수 조정 (행 합계가 맞도록)",
  insertButton: "서식 넣기",
  insertDone: (n: number) => `서식을 넣었습니다: 시트 ${n}개.`,
  importTitle: "계획 텍스트 가져오기",
  importLabel: "계획 문서의 텍스트를 붙여 넣으세요",
  importButton: "가져오기",
  importDone: (n: number) => `가져왔습니다. 확인할 항목 ${n}개.`,
  validateTitle: "검증",
  validateButton: "검증하기",
  validateDone: (n: number) => (n ? `검증을 마쳤습니다. 확인할 항목 ${n}개.` : "검증을 마쳤습니다. 문제가 없습니다."),
  noFindings: "찾은 문제가 없습니다.",
  severity: SEVERITY_WORDS.ko as Record<string, string>,
  goToCell: (where: string) => `${where}(으)로 이동`,
  regenerateTitle: "요약 다시 만들기",
  regenerateButton: "요약 다시 만들기",
  regenerateDone: (n: number) => `요약을 다시 만들었습니다. 바뀐 셀 ${n}개.`,
  rowsAdded: (byTask: number, byStrategy: number) => `요약 행 추가: 과제별 ${byTask}, 분야별 ${byStrategy} (공표 칸은 비어 있습니다).`,
  undoButton: "마지막 다시 만들기 되돌리기",
  undoDone: "되돌렸습니다.",
  undoNothing: "되돌릴 내용이 없습니다.",
  confirmTitle: "수정한 셀을 덮어쓸까요?",
  confirmBody: (n: number) => `자동으로 만든 셀 ${n}개가 직접 수정되었습니다. 다시 만들면 수정한 내용이 바뀝니다. (되돌리기로 복구할 수 있습니다.)`,
  confirmOverwrite: "덮어쓰기",
  cancel: "취소",
  working: "작업 중…",
  step: { read: "읽는 중…", compute: "계산하는 중…", write: "쓰는 중…", done: "완료" } as Record<string, string>,
  errorTitle: "작업에 실패했습니다",
  errorNotFound: "계획 시트나 표를 찾지 못했습니다. 먼저 서식을 넣거나 계획을 가져오세요.",
  dismiss: "닫기",
  more: (n: number) => `외 ${n}개`,
};

export type Strings = typeof ko;

const en: Strings = {
  appTitle: "Job plan assistant",
  insertTitle: "Insert template",
  planName: "Plan name",
  planNameDefault: "Annual job plan",
  region: "Local government",
  year: "Year",
  sources: "Funding sources",
  otherSources: "Other sources (comma-separated)",
  otherSourcesHint: "e.g. 도비, 군비",
  rounding: "Rounding to million won",
  roundHalfUp: "Half up (each cell)",
  roundLargestRemainder: "Largest remainder (rows add up)",
  insertButton: "Insert template",
  insertDone: (n: number) => `Template inserted: ${n} sheets.`,
  importTitle: "Import plan text",
  importLabel: "Paste the text of the plan document",
  importButton: "Import",
  importDone: (n: number) => `Imported. ${n} findings to review.`,
  validateTitle: "Validate",
  validateButton: "Validate",
  validateDone: (n: number) => (n ? `Validation finished. ${n} findings to review.` : "Validation finished. No problems found."),
  noFindings: "No problems found.",
  severity: { error: "Errors", warning: "Warnings", info: "Info" },
  goToCell: (where: string) => `Go to ${where}`,
  regenerateTitle: "Regenerate summary",
  regenerateButton: "Regenerate summary",
  regenerateDone: (n: number) => `Summary regenerated. ${n} cells changed.`,
  rowsAdded: (byTask: number, byStrategy: number) => `Summary rows added: by task ${byTask}, by strategy ${byStrategy} (declared cells left empty).`,
  undoButton: "Undo last regeneration",
  undoDone: "Regeneration undone.",
  undoNothing: "Nothing to undo.",
  confirmTitle: "Overwrite edited cells?",
  confirmBody: (n: number) => `${n} generated cells were edited by hand. Regenerating replaces your edits. (You can undo it afterwards.)`,
  confirmOverwrite: "Overwrite",
  cancel: "Cancel",
  working: "Working…",
  step: { read: "Reading…", compute: "Computing…", write: "Writing…", done: "Done" },
  errorTitle: "The operation failed",
  errorNotFound: "The plan sheets or tables were not found. Insert the template or import a plan first.",
  dismiss: "Dismiss",
  more: (n: number) => `and ${n} more`,
};

export function strings(lang: Lang): Strings {
  return lang === "en" ? en : ko;
}
