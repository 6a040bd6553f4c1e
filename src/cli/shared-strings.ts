/**
 * One pass over the shared strings part keeping only the strings asked for, so a workbook's
 * other text costs no memory. Rich text runs are joined; phonetic runs (<rPh>) are not
 * text of the cell. A string over Excel's cell limit comes back as Overlong.
 */
import { Overlong } from "./sheet-scan";
import { StopReading, type ZipArchive } from "./zip-archive";
import { CELL_TEXT_LIMIT, xmlReader } from "./xml-stream";

export async function readSharedStrings(zip: ZipArchive, part: string | undefined, wanted: ReadonlySet<number>): Promise<Map<number, string | Overlong>> {
  const out = new Map<number, string | Overlong>();
  if (!part || !wanted.size) return out;
  let last = -1;
  for (const i of wanted) if (i > last) last = i;
  let index = -1;
  let keep = false;
  let inT = false;
  let inPhonetic = false;
  let text: string[] = [];
  let length = 0;
  const reader = xmlReader({
    open(name) {
      if (name === "si") {
        index++;
        if (index > last) throw new StopReading();
        keep = wanted.has(index);
        text = [];
        length = 0;
      } else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inT = keep && !inPhonetic;
    },
    text(s) {
      if (!inT) return;
      length += s.length;
      if (length <= CELL_TEXT_LIMIT) text.push(s);
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && keep) out.set(index, length > CELL_TEXT_LIMIT ? new Overlong(length) : text.join(""));
    },
  });
  if ((await zip.read(part, (chunk) => reader.write(chunk))) === "done") reader.close();
  return out;
}
