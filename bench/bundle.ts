/**
 * Benchmarks of code that ships in the add-in bundle run on that bundle, not on tsx's
 * module-by-module transpile: under tsx every call across modules goes through an export
 * getter, which made hot loops twice as slow as the webpack production build (one scope,
 * modules concatenated) that Excel loads.
 */
import os from "os";
import path from "path";
import { mkdtempSync } from "fs";
import webpack from "webpack";

/** Bundles `entry` (a .ts file exporting benchmarks) for Node, as production; returns the file. */
export function bundleForBench(entry: string): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-bundle-"));
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    entry: path.resolve(entry),
    output: { path: outDir, filename: "bench.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
    // Readable names in profiles; minifying renames but does not change what runs.
    optimization: { minimize: false },
    performance: { hints: false },
    devtool: false,
  };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
      resolve(path.join(outDir, "bench.js"));
    });
  });
}

/**
 * Bundles `entry` with esbuild as bin/build-cli.js bundles the CLI (CommonJS for Node, ExcelJS
 * left outside), into node_modules/.cache/jobplan/ so that ExcelJS resolves; for benchmarks of
 * code the CLI runs.
 */
export function bundleAsCli(entry: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const outfile = path.join(__dirname, "..", "node_modules", ".cache", "jobplan", `bench-${path.basename(entry, ".ts")}.js`);
  esbuild.buildSync({ entryPoints: [path.resolve(entry)], bundle: true, platform: "node", format: "cjs", target: "node20", external: ["exceljs"], outfile, logLevel: "silent" });
  return outfile;
}
