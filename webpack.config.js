/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in: one shared-runtime page (taskpane.html) that carries the task pane, the
// ribbon commands and the custom functions, plus functions.js / functions.json for the
// manifest's CustomFunctions extension point, office.js served from our own origin, the
// icons and a copy of manifest.xml.
//
//   webpack --mode production                      -> dist/ (manifest URLs -> ADDIN_URL)
//   webpack serve --mode development               -> https://localhost:3000/
//   webpack --mode production --env outDir=/tmp/x  -> elsewhere (tests)
//   webpack --mode development --env harness --env outDir=/tmp/x
//                                                  -> test/browser/harness.tsx: the pane on
//                                                     the Excel test double, no Office at all
//
// Environment: ADDIN_URL (production base URL, default https://localhost:3000/),
// DEV_SERVER_PORT (default 3000).
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

/**
 * The part of @microsoft/office-js/dist that Excel needs (not all 87 MB): the loader, its
 * host-to-file table, the Excel host files, and the ko-kr / en-us strings. office.js loads
 * these from its own folder, so they keep their relative paths.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel*.js",
  "ko-kr/office_strings.js",
  "en-us/office_strings.js",
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
];

function officeJsPatterns() {
  const toRegExp = (glob) =>
    new RegExp("^" + glob.replace(/\./g, "\\.").replace(/\*/g, "[^/]*") + "$");
  const files = OFFICE_JS_FILES.flatMap((spec) => {
    if (!spec.includes("*")) return [spec];
    const dir = path.posix.dirname(spec);
    const re = toRegExp(path.posix.basename(spec));
    return fs
      .readdirSync(path.join(OFFICE_JS_DIR, dir))
      .filter((f) => re.test(f) && !f.endsWith(".debug.js"))
      .map((f) => (dir === "." ? f : `${dir}/${f}`));
  });
  return files.map((rel) => ({
    from: path.join(OFFICE_JS_DIR, rel),
    to: rel, // office.js loads the others relative to its own URL
    // already minified by Microsoft: keep terser away (it doubles the build time)
    info: { minimized: true },
  }));
}

function productionUrl(env) {
  let url = (env && env.url) || process.env.ADDIN_URL || DEV_URL;
  if (!url.endsWith("/")) url += "/";
  if (!url.startsWith("https://")) throw new Error(`ADDIN_URL must be https: ${url}`);
  return url;
}

/** dist/manifest.xml: dev URLs -> the production base URL; AppDomain -> its origin. */
function rewriteManifest(text, url) {
  return text.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, "")).join(new URL(url).origin);
}

/** https options for the dev server: Office's dev certificates when present, else self-signed. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: "https", options };
  }
  console.warn(
    "jobplan: no Office dev certificates in ~/.office-addin-dev-certs " +
      "(`npx office-addin-dev-certs install` makes them); using a self-signed certificate.",
  );
  return "https";
}

const common = (dev) => ({
  devtool: dev ? "source-map" : false,
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
});

/** The add-in itself. */
function addinConfig(env, dev) {
  const outDir = path.resolve((env && env.outDir) || path.join(__dirname, "dist"));
  const url = dev ? DEV_URL : productionUrl(env);
  const port = Number(process.env.DEV_SERVER_PORT || 3000);
  return {
    ...common(dev),
    name: "addin",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: { path: outDir, filename: "[name].js", clean: true },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // The shared runtime: the pane, the command handlers and the custom functions on one
      // page (manifest resid Taskpane.Url for Runtime, FunctionFile, CustomFunctions Page).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.md"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), url)),
          },
          ...officeJsPatterns(),
        ],
      }),
    ],
    ...(dev && {
      devServer: {
        port,
        server: devServerHttps(),
        headers: { "Access-Control-Allow-Origin": "*" },
        static: false,
        hot: false,
        liveReload: true,
        client: { overlay: { warnings: false } },
      },
    }),
  };
}

/** test/browser/harness.tsx: the task pane wired to test/excel/fake-excel.ts. */
function harnessConfig(env) {
  const outDir = path.resolve(
    (env && env.outDir) || path.join(__dirname, "test-output", "harness"),
  );
  return {
    ...common(true),
    devtool: false,
    name: "harness",
    entry: { harness: "./test/browser/harness.tsx" },
    output: { path: outDir, filename: "[name].js", clean: true },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent:
          '<!doctype html><html lang="ko"><head><meta charset="utf-8">' +
          '<meta name="viewport" content="width=device-width, initial-scale=1">' +
          "<title>jobplan harness</title></head>" +
          '<body style="margin:0"><div id="container"></div></body></html>',
        chunks: ["harness"],
      }),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  return env.harness ? harnessConfig(env) : addinConfig(env, dev);
};
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;
module.exports.rewriteManifest = rewriteManifest;
