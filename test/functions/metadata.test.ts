/**
 * functions.json as the webpack build will generate it: runs custom-functions-metadata's
 * generator (offline) on src/functions/functions.ts and checks ids, names, parameters,
 * optional / repeating flags, types and result dimensionality.
 */
import "./setup";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { associated } from "./setup";
import { FUNCTION_IDS } from "../../src/functions/functions";

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const ENTRY = path.resolve(__dirname, "../../src/functions/functions.ts");

let functions: Fn[];
let associate: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(ENTRY);
  expect(result.errors).toEqual([]);
  const json = JSON.parse(result.metadataJson);
  functions = json.functions;
  associate = result.associate;
});

function fn(id: string): Fn {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
}

/** [name, type, matrix?, optional?, repeating?] per parameter. */
function shape(f: Fn): Array<[string, string, boolean, boolean, boolean]> {
  return f.parameters.map((p) => [p.name, p.type ?? "any", p.dimensionality === "matrix", !!p.optional, !!p.repeating]);
}

test("the five functions, ids = names, no options (not volatile, not streaming)", () => {
  expect(functions.map((f) => f.id)).toEqual(["JOBTARGET", "BUDGET", "SPLITCHECK", "RECONCILE", "FINDINGS"]);
  for (const f of functions) {
    expect(f.name).toBe(f.id);
    expect(f.options).toBeUndefined();
  }
});

test("descriptions carry Korean first, then English; every parameter is described", () => {
  for (const f of functions) {
    expect(f.description).toMatch(/^[^A-Za-z]*[가-힣]/);
    expect(f.description).toMatch(/[A-Za-z]{4,}/);
    for (const p of f.parameters) {
      expect(p.description).toMatch(/[가-힣].* \/ [A-Za-z]/);
    }
  }
});

test("JOBTARGET(detail, strategy, [task]) -> number", () => {
  const f = fn("JOBTARGET");
  expect(shape(f)).toEqual([
    ["detail", "any", true, false, false],
    ["strategy", "string", false, false, false],
    ["task", "string", false, true, false],
  ]);
  expect(f.result).toEqual({ type: "number" });
});

test("BUDGET(detail, strategy, [task], [source], [unit], [rounding]) -> number", () => {
  const f = fn("BUDGET");
  expect(shape(f)).toEqual([
    ["detail", "any", true, false, false],
    ["strategy", "string", false, false, false],
    ["task", "string", false, true, false],
    ["source", "string", false, true, false],
    ["unit", "string", false, true, false],
    ["rounding", "string", false, true, false],
  ]);
  expect(f.result).toEqual({ type: "number" });
});

test("SPLITCHECK(total, parts...) with a repeating matrix parameter -> string", () => {
  const f = fn("SPLITCHECK");
  expect(shape(f)).toEqual([
    ["total", "any", false, false, false],
    ["parts", "any", true, false, true],
  ]);
  expect(f.result).toEqual({ type: "string" });
});

test("RECONCILE(summary, detail, [unit]) spills a matrix of strings", () => {
  const f = fn("RECONCILE");
  expect(shape(f)).toEqual([
    ["summary", "any", true, false, false],
    ["detail", "any", true, false, false],
    ["unit", "string", false, true, false],
  ]);
  expect(f.result).toEqual({ type: "string", dimensionality: "matrix" });
});

test("FINDINGS(detail, [tasks], [summary], [language]) spills a matrix", () => {
  const f = fn("FINDINGS");
  expect(shape(f)).toEqual([
    ["detail", "any", true, false, false],
    ["tasks", "any", true, true, false],
    ["summary", "any", true, true, false],
    ["language", "string", false, true, false],
  ]);
  expect(f.result.dimensionality).toBe("matrix");
});

test("the plugin's associate list and our own registration agree with the exports", () => {
  expect(associate.map((a) => [a.id, a.functionName])).toEqual([
    ["JOBTARGET", "jobTarget"],
    ["BUDGET", "budget"],
    ["SPLITCHECK", "splitCheck"],
    ["RECONCILE", "reconcile"],
    ["FINDINGS", "findings"],
  ]);
  for (const a of associate) {
    expect(FUNCTION_IDS[a.id as keyof typeof FUNCTION_IDS].name).toBe(a.functionName);
    expect(associated.get(a.id)).toBe(FUNCTION_IDS[a.id as keyof typeof FUNCTION_IDS]);
  }
});
