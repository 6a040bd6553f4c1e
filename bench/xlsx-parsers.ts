/**
 * The comparison behind the streaming .xlsx reader (src/cli/xlsx-stream.ts): each candidate
 * zip reader and XML parser reads every cell of every sheet and every shared string of the
 * same 10,000-project workbook, printing time and peak heap. `npm run bench -- parsers`.
 *
 * Candidates: ExcelJS (the former whole-workbook read, and its streaming WorkbookReader),
 * saxes and sax (SAX parsers), on yauzl (zip entries streamed through Node's zlib) or fflate
 * (pure JS inflate of the whole archive in memory), and the tokenizer the reader uses
 * (src/cli/xml-scan.ts). The last line is the whole reader (plan tables only, values built).
 * A tokenizer on the inflated bytes (Buffer.indexOf) was also tried and was slower than the
 * one on strings: each Buffer call crosses into C++.
 */
import os from "os";
import path from "path";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { performance } from "perf_hooks";
import { StringDecoder } from "string_decoder";
import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import sax from "sax";
import yauzl from "yauzl";
import { unzipSync } from "fflate";
import { checkPlan } from "../src/core";
import { writeWorkbookFile } from "../src/cli/xlsx-write";
import { buildWorkbookSpec } from "../src/workbook/template-sheets";
import { generatePlan } from "./workbook-helpers";
import { xmlReader } from "../src/cli/xml-stream";
import { readXlsxTables } from "../src/cli/xlsx-stream";

/** What every candidate computes: cells seen, shared strings seen, a checksum of their text. */
interface Tally {
  cells: number;
  strings: number;
  chars: number;
}

const XML_PART = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

type XmlSink = { open(name: string, attrs: Record<string, string>): void; text(t: string): void; close(name: string): void };

function sinkFor(t: Tally): XmlSink {
  let inV = false;
  return {
    open(name) {
      if (name === "c") t.cells++;
      else if (name === "si") t.strings++;
      if (name === "v" || name === "t") inV = true;
    },
    text(s) {
      if (inV) t.chars += s.length;
    },
    close(name) {
      if (name === "v" || name === "t") inV = false;
    },
  };
}

type ParserFactory = (sink: XmlSink) => { write(s: string): void; close(): void };

const saxesParser: ParserFactory = (sink) => {
  const p = new SaxesParser({ position: false });
  p.on("opentag", (tag) => sink.open(tag.name, tag.attributes as Record<string, string>));
  p.on("text", (s) => sink.text(s));
  p.on("closetag", (tag) => sink.close(tag.name));
  return { write: (s) => void p.write(s), close: () => void p.close() };
};

/** The tokenizer the reader uses (src/cli/xml-scan.ts), behind its memory guard. */
const jobplanParser: ParserFactory = (sink) => {
  const r = xmlReader({ open: (name) => sink.open(name, {}), text: (t) => sink.text(t), close: (name) => sink.close(name) });
  return { write: (s) => r.write(s), close: () => r.close() };
};

const saxParser: ParserFactory = (sink) => {
  const p = sax.parser(true, { position: false } as sax.SAXOptions);
  p.onopentag = (tag) => sink.open(tag.name, tag.attributes as Record<string, string>);
  p.ontext = (s) => sink.text(s);
  p.onclosetag = (name) => sink.close(name);
  return { write: (s) => void p.write(s), close: () => void p.close() };
};

async function viaYauzl(file: string, make: ParserFactory): Promise<Tally> {
  const t: Tally = { cells: 0, strings: 0, chars: 0 };
  const zip = await yauzl.openPromise(file);
  try {
    for await (const entry of zip.eachEntry()) {
      if (!XML_PART.test(entry.fileName)) continue;
      const parser = make(sinkFor(t));
      const dec = new StringDecoder("utf8");
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) parser.write(dec.write(chunk as Buffer));
      parser.write(dec.end());
      parser.close();
    }
  } finally {
    zip.close();
  }
  return t;
}

async function viaFflate(file: string, make: ParserFactory): Promise<Tally> {
  const t: Tally = { cells: 0, strings: 0, chars: 0 };
  const files = unzipSync(readFileSync(file), { filter: (f) => XML_PART.test(f.name) });
  const dec = new TextDecoder();
  for (const name of Object.keys(files)) {
    const parser = make(sinkFor(t));
    parser.write(dec.decode(files[name]));
    parser.close();
  }
  return t;
}

async function viaExcelJs(file: string): Promise<Tally> {
  const t: Tally = { cells: 0, strings: 0, chars: 0 };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        t.cells++;
        t.chars += String(c.value ?? "").length;
      }),
    );
  }
  return t;
}

async function viaExcelJsStream(file: string): Promise<Tally> {
  const t: Tally = { cells: 0, strings: 0, chars: 0 };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", worksheets: "emit", hyperlinks: "ignore", styles: "ignore" });
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      row.eachCell({ includeEmpty: false }, (c) => {
        t.cells++;
        t.chars += String(c.value ?? "").length;
      });
    }
  }
  return t;
}

export interface ParserFigure {
  name: string;
  ms: number;
  heapMb: number;
  cells: number;
}

async function measure(name: string, run: () => Promise<Tally>, rounds = 3): Promise<ParserFigure> {
  let best = Infinity;
  let heap = 0;
  let tally: Tally | undefined;
  for (let i = 0; i < rounds; i++) {
    (global as { gc?: () => void }).gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const t0 = performance.now();
    tally = await run();
    best = Math.min(best, performance.now() - t0);
    clearInterval(timer);
    heap = Math.max(heap, Math.max(peak, process.memoryUsage().heapUsed) - base);
  }
  return { name, ms: best, heapMb: heap / 2 ** 20, cells: tally!.cells };
}

export async function benchParsers(projects = 10_000): Promise<ParserFigure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-parsers-"));
  try {
    const plan = generatePlan(projects, 11, "half-up");
    const file = path.join(dir, `plan-${projects}.xlsx`);
    await writeWorkbookFile(buildWorkbookSpec(plan, checkPlan(plan)), file);
    const figures = [
      await measure("ExcelJS readFile (before)", () => viaExcelJs(file), 2),
      await measure("ExcelJS stream WorkbookReader", () => viaExcelJsStream(file), 2),
      await measure("yauzl + saxes", () => viaYauzl(file, saxesParser)),
      await measure("yauzl + sax", () => viaYauzl(file, saxParser)),
      await measure("fflate + saxes", () => viaFflate(file, saxesParser)),
      await measure("fflate + sax", () => viaFflate(file, saxParser)),
      await measure("yauzl + jobplan tokenizer", () => viaYauzl(file, jobplanParser)),
      await measure("readXlsxTables (the reader)", async () => {
        const tables = await readXlsxTables(file);
        return { cells: tables.reduce((a, t) => a + t.values.length * (t.values[0]?.length ?? 0), 0), strings: 0, chars: 0 };
      }),
    ];
    console.log(`xlsx parsers: every cell and shared string of a ${projects}-project workbook (best of 2-3 runs)`);
    for (const f of figures) {
      console.log(`  ${f.name.padEnd(32)} ${f.ms.toFixed(0).padStart(6)} ms  heap +${f.heapMb.toFixed(0).padStart(4)} MB  ${f.cells} cells`);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchParsers(Number(process.argv[2]) || 10_000).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
