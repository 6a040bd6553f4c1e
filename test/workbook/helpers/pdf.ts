/**
 * The workbook as a person would print it: LibreOffice recalculates it (bench's helper) and
 * prints it to PDF; poppler gives the text of each page and page images.
 */
import { execFileSync } from "child_process";
import { copyFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { cleanupRecalc, convertWithLibreOffice } from "../../../bench/workbook-helpers";

/**
 * Prints `xlsx` to a PDF in `outDir`, every formula recalculated as LibreOffice opens it (so
 * that each shows its value), in one start of LibreOffice.
 */
export function printToPdf(xlsx: string, outDir: string): string {
  const [printed] = convertWithLibreOffice([xlsx], "pdf");
  try {
    const pdf = path.join(outDir, path.basename(printed));
    copyFileSync(printed, pdf);
    return pdf;
  } finally {
    cleanupRecalc(printed);
  }
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** The text of each page, in order. */
export function pageTexts(pdf: string): string[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" }));
}

/** One page as a PNG (`file` without the extension). */
export function pageImage(pdf: string, page: number, file: string, dpi = 90): string {
  execFileSync("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-png", "-singlefile", pdf, file]);
  return file + ".png";
}

/** Each worksheet's XML by sheet name (workbook order). */
export async function sheetXml(xlsx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const file = "xl/" + target![1].replace(/^\/?xl\//, "");
    out.set(m[1].replace(/&amp;/g, "&"), await zip.file(file)!.async("string"));
  }
  return out;
}
