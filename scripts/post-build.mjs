// Trunk's post-build hook (see Trunk.toml): the steps that make Trunk's output the build Closer
// ships, in order, each a small module of scripts/build/ that reads and edits index.html with an
// HTML parser (cheerio, over parse5). A step that fails stops the build with its name and the
// file it failed on.
//
//   step                 builds   what it does
//   content              all      each language's words file and the explainer pages' bodies (export-content)
//   shell words          all      content/<language>/shell.toml, read with a TOML parser
//   startup settings     all      what the start-up script knows of the Rust definitions (startup-settings)
//   page words           all      index.html's {{key}} placeholders filled with the shell words
//   icons                all      the install icons (resvg) and manifest.webmanifest
//   qr                   all      the QR encoder, bundled by esbuild from lean-qr
//   calendar             all      the plan's calendar file writer, bundled by esbuild from ics
//   glue                 release  wasm-bindgen's glue minified, shared names shortened, both renamed
//   stylesheet           release  the stylesheet minified (lightningcss) and renamed
//   start-up             all      the start-up script (startup/, esbuild): boot-<hash>.js; inline in debug
//   csp                  release  the Content-Security-Policy meta tag; no inline script left
//   references           all      every file index.html references exists
//   prerender            release  the pages with fixed content (src/bin/prerender.rs)
//   inline stylesheet    release  the stylesheet inside index.html
//   page                 all      index.html written
//   worker               all      sw.js (release: keeps the build offline; debug: retires a release's)
//
// Trunk runs it with TRUNK_STAGING_DIR (the build's folder) and TRUNK_PROFILE. To rerun the steps
// without Trunk, keep a copy of Trunk's output (CLOSER_SAVE_STAGING=<dir> during a build), then
// run this script with TRUNK_STAGING_DIR set to a fresh copy of it.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { StepError, parsePage, writeFile } from "./build/util.mjs";
import { content } from "./build/content.mjs";
import { shellWords, pageWords } from "./build/shell.mjs";
import { settings, boot } from "./build/boot.mjs";
import { icons } from "./build/icons.mjs";
import { qr, calendar } from "./build/qr.mjs";
import { glue } from "./build/glue.mjs";
import { stylesheet } from "./build/stylesheet.mjs";
import { csp } from "./build/csp.mjs";
import { references } from "./build/references.mjs";
import { prerender } from "./build/prerender.mjs";
import { inlineIndexStylesheet } from "./build/inline-stylesheet.mjs";
import { worker } from "./build/worker.mjs";

const RELEASE = "release";
export const STEPS = [
  { name: "content", run: content },
  { name: "shell words", run: shellWords },
  { name: "startup settings", run: settings },
  { name: "page words", run: pageWords },
  { name: "icons", run: icons },
  { name: "qr", run: qr },
  { name: "calendar", run: calendar },
  { name: "glue", only: RELEASE, run: glue },
  { name: "stylesheet", only: RELEASE, run: stylesheet },
  { name: "start-up", run: boot },
  { name: "csp", only: RELEASE, run: csp },
  { name: "references", run: references },
  { name: "prerender", only: RELEASE, run: prerender },
  { name: "inline stylesheet", only: RELEASE, run: inlineIndexStylesheet },
  { name: "page", run: (ctx) => ctx.writeFile("index.html", ctx.$.html()) },
  { name: "worker", run: worker },
];

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run through trunk");
  process.exit(1);
}
if (process.env.CLOSER_SAVE_STAGING) cpSync(dir, process.env.CLOSER_SAVE_STAGING, { recursive: true });

// A plain host build for what the steps run with cargo: none of the release build's unstable
// options (scripts/build-release.sh) reach it.
const hostEnv = { ...process.env };
for (const name of ["RUSTC_BOOTSTRAP", "RUSTC_WRAPPER", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"]) delete hostEnv[name];

const ctx = {
  root: join(fileURLToPath(new URL(".", import.meta.url)), ".."),
  dir,
  release: process.env.TRUNK_PROFILE === "release",
  // CLOSER_PLAIN_BUILD=1 (scripts/build-release.sh): wasm-bindgen's names kept.
  plain: process.env.CLOSER_PLAIN_BUILD === "1",
  siteUrl: process.env.CLOSER_SITE_URL || null,
  hostEnv,
  $: parsePage(readFileSync(join(dir, "index.html"), "utf8")),
  writeFile: (file, text) => writeFile(join(dir, file), text),
};

for (const step of STEPS) {
  if (step.only === RELEASE && !ctx.release) continue;
  try {
    await step.run(ctx);
  } catch (error) {
    const at = error instanceof StepError ? error.file : "(no file named)";
    console.error(`post-build: step "${step.name}" failed at ${at}: ${error.message}`);
    if (!(error instanceof StepError)) console.error(error.stack);
    process.exit(1);
  }
}
