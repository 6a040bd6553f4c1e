/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in: one shared-runtime page (taskpane.html) that carries the task pane, the
// ribbon commands and the custom functions, plus functions.js / functions.json for the
// manifest's CustomFunctions extension point, the icons and a copy of manifest.xml. The
// page's scripts share one webpack runtime and a chunk of common code; the Office.js adapter
// and the pane's confirmation dialog load on demand (pageChunks below).
//
// office.js comes from Microsoft's CDN by default: "Referencing the Office JavaScript API
// library" requires the CDN reference for AppSource and calls local copies fit only for
// internal, development and debugging use (office-js #5588, #4733: do not bundle office.js).
// `--env officejs=local` serves office.js and every file it loads for Excel (host files,
// strings of all languages) from the add-in's own origin, for closed networks.
//
//   webpack --mode production                      -> dist/ (manifest URLs -> ADDIN_URL)
//   webpack --mode production --env officejs=local -> the same, office.js served locally
//   webpack serve --mode development               -> https://localhost:3000/
//   webpack --mode production --env outDir=/tmp/x  -> elsewhere (tests)
//   webpack --mode development --env harness --env outDir=/tmp/x
//                                                  -> test/browser/harness.tsx: the pane on
//                                                     the Excel test double, no Office at all
//
// TypeScript is compiled to ES modules here (tsconfig.json says CommonJS, for jest and tsx):
// webpack can only tree-shake ES modules, and without it all ~26,000 Fluent icons ship.
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
/** Microsoft's production CDN URL of office.js (the default reference). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * What office.js loads for Excel from its own folder (not all 87 MB: no other hosts, no
 * debug builds, no Outlook strings): the loader, its host-to-file table, the custom-functions
 * runtime, every Excel host file, the strings of every language, its telemetry helpers.
 * They keep their relative paths.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel*.js",
  "*/office_strings.js",
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
    if (dir === "*") {
      // one file of the same name in every folder that has it (the language folders)
      return fs
        .readdirSync(OFFICE_JS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(OFFICE_JS_DIR, d.name, path.posix.basename(spec))))
        .map((d) => `${d.name}/${path.posix.basename(spec)}`);
    }
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

/**
 * webpack's persistent cache: modules (TypeScript transpiled) and minified chunks are kept in
 * node_modules/.cache/webpack between builds, one cache per kind of build, so that a build
 * after a small change redoes only what changed (the tests' builds and `npm run build`).
 */
function persistentCache(name) {
  return {
    type: "filesystem",
    cacheDirectory: path.join(__dirname, "node_modules", ".cache", "webpack"),
    name,
    buildDependencies: { config: [__filename] },
  };
}

const common = (dev) => ({
  devtool: dev ? "source-map" : false,
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          // ES modules so that webpack tree-shakes (see the top of this file).
          options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
        },
      },
    ],
  },
  performance: { hints: false },
});

/**
 * functions.json as the metadata generator writes it, plus the top-level
 * `allowErrorForDataTypeAny: true`: without it a #REF! or #DIV/0! anywhere in a range passed
 * as `any` (TaskPlans[#All]) makes Excel return the error without calling the function
 * ("Handle and return errors from your custom function"); the generator cannot write it
 * ("Manually create JSON metadata").
 */
function allowErrorsInMetadata(json) {
  const meta = JSON.parse(json);
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...meta }, null, 4);
}

/** Rewrites functions.json after custom-functions-metadata-plugin emitted it. */
class AllowErrorsInMetadataPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AllowErrorsInMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorsInMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = allowErrorsInMetadata(asset.source.source().toString());
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        },
      );
    });
  }
}

/** "cdn" (default) or "local", from `--env officejs=...`. */
function officeJsMode(env) {
  const mode = (env && env.officejs) || "cdn";
  if (mode !== "cdn" && mode !== "local") throw new Error(`--env officejs must be cdn or local, not ${mode}`);
  return mode;
}

/**
 * How the page's scripts are cut. functions.js, commands.js and taskpane.js all run in the one
 * shared-runtime page (taskpane.html loads all three; manifest.xml points the Runtime, the
 * FunctionFile and the CustomFunctions Page at it), so
 * - one webpack runtime (runtime.js) serves the three: a module they share is loaded and
 *   instantiated once (the ribbon's results mailbox, core's tables), not once per script;
 * - code that two of them use goes to a chunk of its own, loaded once by the page, instead
 *   of a copy in each script (commands.js carried all of src/excel, core and the workbook
 *   template a second time);
 * - what loads on demand (the Office.js adapter: lazy-ops.ts) is its own chunk.
 * html-webpack-plugin writes a <script> for every chunk of the three entry points.
 */
function pageChunks() {
  return {
    runtimeChunk: { name: "runtime" },
    splitChunks: {
      chunks: "all",
      cacheGroups: {
        // React and Fluent UI stay in taskpane.js, the only script that uses them: in one
        // chunk with styles.ts, terser inlines the few Fluent tokens the pane names instead
        // of shipping the whole token table (30 KB more as a vendor chunk of its own).
        defaultVendors: false,
        // jobplan's own modules that two of the scripts (or the adapter's chunk) use, however
        // small: shared.js (core's checks and tables, the ribbon's mailbox, lazy-ops.ts)
        default: { name: "shared", minChunks: 2, minSize: 0, priority: -20, reuseExistingChunk: true },
      },
    },
  };
}

/** The add-in itself. */
function addinConfig(env, dev) {
  const outDir = path.resolve((env && env.outDir) || path.join(__dirname, "dist"));
  const url = dev ? DEV_URL : productionUrl(env);
  const port = Number(process.env.DEV_SERVER_PORT || 3000);
  const officeJs = officeJsMode(env);
  return {
    ...common(dev),
    name: "addin",
    cache: persistentCache(`addin-${dev ? "development" : "production"}-${officeJs}`),
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: outDir,
      filename: "[name].js",
      // chunks loaded on demand (lazy-ops.ts): a new build gets new names, so that a page that
      // is still open with the old scripts never loads a chunk of another build
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    optimization: pageChunks(),
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new AllowErrorsInMetadataPlugin(),
      // The shared runtime: the pane, the command handlers and the custom functions on one
      // page (manifest resid Taskpane.Url for Runtime, FunctionFile, CustomFunctions Page).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        officeJs: officeJs === "local" ? "office.js" : OFFICE_JS_CDN,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.md"] } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), url)),
          },
          ...(officeJs === "local" ? officeJsPatterns() : []),
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
    cache: persistentCache("harness"),
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
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;
module.exports.rewriteManifest = rewriteManifest;
module.exports.allowErrorsInMetadata = allowErrorsInMetadata;
