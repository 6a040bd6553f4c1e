/**
 * functions.json as the build ships it: the generator's metadata plus the top-level
 * `allowErrorForDataTypeAny: true` (webpack.config.js adds it: the generator cannot write it).
 * Without it Excel answers a PLAN function with the error itself, without calling it, as soon
 * as one cell of the range passed as `any` holds #REF! or #DIV/0! ("Handle and return errors
 * from your custom function"); with it the function sees the error and can name the cell.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { allowErrorsInMetadata } = require("../../webpack.config.js") as { allowErrorsInMetadata: (json: string) => string };

test("the shipped metadata accepts error values and keeps every function as generated", async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  expect(generated.errors).toEqual([]);
  const before = JSON.parse(generated.metadataJson);
  expect(before.allowErrorForDataTypeAny).toBeUndefined(); // what the build has to add
  const after = JSON.parse(allowErrorsInMetadata(generated.metadataJson));
  expect(after.allowErrorForDataTypeAny).toBe(true);
  expect(after.functions).toEqual(before.functions);
  // The ranges that may hold error values are parameters of type any.
  const any = after.functions.flatMap((f: { parameters: Array<{ type?: string; dimensionality?: string }> }) => f.parameters).filter((p: { type?: string; dimensionality?: string }) => (p.type ?? "any") === "any" && p.dimensionality === "matrix");
  expect(any.length).toBeGreaterThan(0);
});
