/**
 * Every message the CLI prints of its own, in Korean and English, one language at a time.
 * Korean particles follow the word before them (core/particles). File-system failures get
 * one line naming the path and what to do.
 */
import { withParticle as p } from "../core/particles";
import type { NotText } from "./plan-text";

export type Lang = "ko" | "en";
export type Text = { ko: string; en: string };

export const say = (lang: Lang, t: Text) => t[lang];

export const M = {
  noFile: (f: string): Text => ({
    ko: `파일이 없습니다: ${f} (경로를 확인하세요)`,
    en: `No such file: ${f} (check the path)`,
  }),
  isFolder: (f: string): Text => ({
    ko: `${p(f, "은/는")} 폴더입니다: 파일을 지정하세요`,
    en: `${f} is a folder: name a file`,
  }),
  notFolder: (f: string): Text => ({
    ko: `${f}: 경로 중간에 폴더가 아닌 파일이 있습니다 (경로를 확인하세요)`,
    en: `${f}: a part of the path is a file, not a folder (check the path)`,
  }),
  cannotRead: (f: string): Text => ({
    ko: `파일을 읽을 권한이 없습니다: ${f} (권한을 확인하거나 읽을 수 있는 곳에 복사하세요)`,
    en: `No permission to read ${f} (check its permissions or copy it somewhere readable)`,
  }),
  cannotWrite: (f: string): Text => ({
    ko: `쓸 수 없는 위치입니다: ${f} (쓰기 권한이 있는 폴더를 -o로 지정하세요)`,
    en: `Cannot write ${f}: no permission or a read-only location (name a writable folder with -o)`,
  }),
  diskFull: (f: string): Text => ({
    ko: `디스크 공간이 부족해 ${p(f, "을/를")} 쓰지 못했습니다 (원래 파일은 그대로입니다; 공간을 비우거나 -o로 다른 디스크를 지정하세요)`,
    en: `Not enough disk space to write ${f} (any existing file is unchanged; free some space or name another disk with -o)`,
  }),
  busy: (f: string): Text => ({
    ko: `${p(f, "이/가")} 다른 프로그램(Excel 등)에서 사용 중입니다: 닫은 뒤 다시 실행하세요`,
    en: `${f} is in use by another program (Excel?): close it and run again`,
  }),
  fsOther: (f: string, code: string, reading: boolean): Text => ({
    ko: `${p(f, "을/를")} ${reading ? "읽지" : "쓰지"} 못했습니다 (${code}): 경로와 디스크를 확인하세요`,
    en: `Could not ${reading ? "read" : "write"} ${f} (${code}): check the path and the disk`,
  }),
  notWorkbookExt: (f: string): Text => ({
    ko: `.xlsx 또는 .txt 파일이 아닙니다: ${f}`,
    en: `Not an .xlsx or .txt file: ${f}`,
  }),
  notZip: (f: string): Text => ({
    ko: `.xlsx 파일이 아닙니다 (zip 형식이 아님): ${f} (Excel에서 .xlsx 형식으로 다시 저장해 보세요)`,
    en: `Not an .xlsx file (not a zip archive): ${f} (save it again as .xlsx in Excel)`,
  }),
  unreadableXlsx: (f: string, why: string): Text => ({
    ko: `.xlsx 파일을 읽을 수 없습니다: ${f} (Excel에서 열어 다시 저장해 보세요; 원인: ${why})`,
    en: `Cannot read the .xlsx file ${f} (${why}; open it in Excel and save it again)`,
  }),
  textNotPlan: (f: string, why: NotText | "no-plan"): Text => {
    const reason: Record<NotText | "no-plan", Text> = {
      empty: { ko: "파일이 비어 있습니다", en: "the file is empty" },
      zip: {
        ko: "zip 파일(.xlsx/.docx/.hwpx 등)입니다. 통합문서는 check나 summarize로 여세요",
        en: "it is a zip file (.xlsx/.docx/.hwpx); use check or summarize for a workbook",
      },
      ole: {
        ko: "한글(.hwp)이나 옛 Office 문서입니다. 문서의 글을 .txt로 저장해 쓰세요",
        en: "it is an HWP or old Office document; save its text as .txt",
      },
      pdf: {
        ko: "PDF입니다. 문서의 글을 복사해 .txt로 저장해 쓰세요",
        en: "it is a PDF; copy its text into a .txt file",
      },
      binary: {
        ko: "글 파일이 아닙니다 (이진 파일이거나 알 수 없는 인코딩)",
        en: "it is not text (a binary file or an unknown encoding)",
      },
      "no-plan": {
        ko: "계획의 표(요약, 추진계획 등)를 하나도 찾지 못했습니다. 다른 파일이거나 인코딩이 다를 수 있습니다",
        en: "no plan table (summary, task plans, ...) was found in it; is it the wrong file, or in another encoding?",
      },
    };
    return {
      ko: `계획 문서로 읽을 수 없습니다: ${f} (${reason[why].ko})`,
      en: `Cannot read ${f} as a plan document: ${reason[why].en}`,
    };
  },
  importTakesText: (f: string): Text => ({
    ko: `import는 계획 문서의 글(.txt)을 읽습니다. ${p(f, "은/는")} 통합문서입니다: 검증은 check, 요약 재생성은 summarize를 쓰세요`,
    en: `import reads a plan document's text (.txt); ${f} is a workbook: use check to validate it or summarize to regenerate it`,
  }),
  outputIsInput: (f: string): Text => ({
    ko: `출력 파일이 입력 파일과 같습니다: ${f} (-o로 다른 .xlsx 파일을 지정하세요)`,
    en: `The output is the input file ${f} (name another .xlsx file with -o)`,
  }),
  outputNotXlsx: (f: string): Text => ({
    ko: `출력 파일 이름은 .xlsx로 끝나야 합니다: ${f}`,
    en: `The output file name must end in .xlsx: ${f}`,
  }),
  outputExists: (f: string): Text => ({
    ko: `${p(f, "이/가")} 이미 있습니다: 바꾸려면 -o ${f}로 지정하고, 아니면 다른 이름을 -o로 주세요`,
    en: `${f} already exists: to replace it say -o ${f}, else name another file with -o`,
  }),
  macros: (f: string): Text => ({
    ko: `${p(f, "은/는")} 매크로가 있는 통합문서입니다. summarize는 매크로를 보존할 수 없어 아무것도 쓰지 않았습니다 (매크로 없는 .xlsx 사본으로 실행하거나 추가 기능을 쓰세요)`,
    en: `${f} is a macro-enabled workbook; summarize cannot keep macros, so nothing was written (run it on a macro-free .xlsx copy, or use the add-in)`,
  }),
  wouldDrop: (f: string, what: Array<{ what: Text; part: string }>): Text => ({
    ko: `${f}에는 jobplan이 다시 쓸 때 잃게 되는 내용(${what.map((w) => `${w.what.ko}: ${w.part}`).join(", ")})이 있어 아무것도 쓰지 않았습니다 (추가 기능을 쓰거나 그 내용이 없는 사본으로 실행하세요)`,
    en: `${f} holds content jobplan would lose when rewriting it (${what.map((w) => `${w.what.en}: ${w.part}`).join(", ")}), so nothing was written (use the add-in, or run it on a copy without it)`,
  }),
  overlongText: (f: string): Text => ({
    ko: `${f}에 Excel의 한 칸 한도(32,767자)를 넘는 글이 있어 아무것도 쓰지 않았습니다 (Excel이 저장한 파일이 아닙니다: Excel에서 열어 고친 뒤 저장하세요)`,
    en: `${f} holds a text longer than Excel's cell limit (32,767 characters), so nothing was written (not a file Excel saved: fix it in Excel and save again)`,
  }),
  farCell: (f: string, where: string): Text => ({
    ko: `${f}의 표가 있는 시트에 너무 먼 칸(${where})이 있어 아무것도 쓰지 않았습니다 (그 칸을 지우고 저장한 뒤 다시 실행하세요)`,
    en: `${f} has a cell far out (${where}) on a sheet with tables, so nothing was written (delete that cell, save, and run again)`,
  }),
  cellTooLong: (f: string, where: string): Text => ({
    ko: `${f}의 ${where} 칸에 Excel의 한도(32,767자)를 넘는 글이 있습니다 (Excel이 저장한 파일이 아닙니다: 그 칸을 고치세요)`,
    en: `Cell ${where} of ${f} holds a text longer than Excel's limit of 32,767 characters (not a file Excel saved: fix that cell)`,
  }),
  tableTooLarge: (f: string, where: string, rows: number): Text => ({
    ko: `${f}의 표 ${p(where, "이/가")} jobplan이 읽는 크기(${rows.toLocaleString("en-US")}행)를 넘습니다 (표 범위를 데이터에 맞게 줄이세요)`,
    en: `The table ${where} of ${f} is larger than jobplan reads (${rows.toLocaleString("en-US")} rows): shrink the table's range to its data`,
  }),
  planHasErrors: (n: number): Text => ({
    ko: `계획에 오류가 ${n}건 있습니다: jobplan check로 확인하세요`,
    en: `The plan has ${n} error(s): see jobplan check`,
  }),
  internal: (log: string | undefined): Text => ({
    ko: `내부 오류입니다 (jobplan의 결함). ${log ? `기록을 저장했습니다: ${log}. 이 파일을 첨부해 jobplan 담당자에게 알려 주세요.` : "jobplan 담당자에게 알려 주세요."} 입력 파일은 바뀌지 않았습니다.`,
    en: `Internal error (a bug in jobplan). ${log ? `A log was saved to ${log}; please report it with that file.` : "Please report it."} No input file was changed.`,
  }),
};
