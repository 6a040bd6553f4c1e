/**
 * openpyxl writes relationship targets as absolute part names ("/xl/tables/table1.xml"),
 * which ExcelJS cannot follow when it loads a workbook to rewrite it. This gives ExcelJS a
 * copy of the archive, in memory, whose targets are relative; the file itself is not touched.
 */
import { readFileSync } from "fs";
import path from "path";
import JSZip from "jszip";

/** `/xl/tables/table1.xml` seen from `xl/worksheets/_rels/sheet1.xml.rels` -> `../tables/table1.xml`. */
export function relativeTarget(relsPart: string, target: string): string {
  const sourceDir = path.posix.dirname(path.posix.dirname(relsPart)); // the folder of the part the rels describe
  return path.posix.relative(sourceDir === "." ? "" : sourceDir, target.slice(1)) || target.slice(1);
}

/** The workbook's bytes with every absolute relationship target made relative, or undefined if none is absolute. */
export async function withRelativeTargets(file: string): Promise<Buffer | undefined> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".rels") || zip.files[name].dir) continue;
    const xml = await zip.file(name)!.async("string");
    const fixed = xml.replace(/(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)"/g, (m, head: string, target: string) => {
      if (/TargetMode="External"/.test(m)) return m;
      changed = true;
      return `${head}${relativeTarget(name, target)}"`;
    });
    if (fixed !== xml) zip.file(name, fixed);
  }
  return changed ? zip.generateAsync({ type: "nodebuffer", compression: "STORE" }) : undefined;
}
