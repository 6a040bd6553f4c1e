#!/usr/bin/env node
// `npm start`: build and serve the add-in on https://localhost:3000/ and, where Office can be
// driven from the command line (Windows, macOS), sideload it into desktop Excel.
//  - Windows / macOS: `npx office-addin-dev-certs install` (trusted localhost certificate),
//    then `npx office-addin-debugging start manifest.xml desktop --app excel`, which starts
//    `npm run dev-server` itself (unless port 3000 already answers). Neither tool is a dependency of this project (the second
//    pulls keytar and cannot sideload on Linux); npx fetches them on first use.
//  - Linux (and anything else): run the dev server and print how to upload manifest.xml in
//    Excel on the web.
"use strict";
const { spawn, spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const manifest = path.join(root, "manifest.xml");

function run(cmd, args) {
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (process.platform === "win32" || process.platform === "darwin") {
  const certs = spawnSync(npx, ["--yes", "office-addin-dev-certs", "install"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (certs.status !== 0)
    console.warn(
      "jobplan: could not install the localhost dev certificate; Excel may refuse the add-in.",
    );
  const port = process.env.DEV_SERVER_PORT || "3000";
  run(npx, [
    "--yes",
    "office-addin-debugging",
    "start",
    manifest,
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    port,
  ]);
} else {
  console.log(`
jobplan: serving the add-in on https://localhost:3000/ (webpack dev server).

Sideloading from the command line is not supported on ${process.platform}. To try the add-in:
  1. Open https://localhost:3000/taskpane.html once in the browser you use for Office and
     accept the certificate (it is self-signed unless ~/.office-addin-dev-certs exists).
  2. Open a workbook in Excel on the web.
  3. Insert > Add-ins > Upload My Add-in (Home > Add-ins > More Add-ins > Upload My Add-in in
     some tenants), choose
       ${manifest}
  4. Use the Home tab's "일자리 계획" group: 작업창 / 요약 재생성 / 검증.
     The pane loads office.js from Microsoft's CDN; opened in a plain browser it only says
     how to sideload it. On a closed network: npm run build -- --env officejs=local.
Stop the server with Ctrl+C.
`);
  run(npm, ["run", "dev-server"]);
}
