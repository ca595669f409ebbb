// Steps "qr" and "calendar": the modules the app asks for only when a person needs them, bundled
// and minified by esbuild, each into a file named by its content that the start-up script imports
// by that name: the QR encoder (startup/qr.js, lean-qr's nano build and SVG path helper) into
// qr-<hash>.js, and the plan's calendar file writer (startup/calendar.js, the `ics` package) into
// calendar-<hash>.js.
import { join } from "node:path";
import { build } from "esbuild";
import { StepError, renameByContent } from "./util.mjs";

async function bundle(ctx, source, stem) {
  const entry = join(ctx.root, source);
  let code;
  try {
    const result = await build({ absWorkingDir: ctx.root, entryPoints: [entry], bundle: true, minify: true, format: "esm", target: "es2022", write: false, legalComments: "none", logLevel: "silent" });
    code = result.outputFiles[0].text;
  } catch (error) {
    throw new StepError(entry, error.message);
  }
  return `./${renameByContent(ctx.dir, `${stem}.js`, stem, ".js", code)}`;
}

export async function qr(ctx) {
  ctx.qrFile = await bundle(ctx, "startup/qr.js", "qr");
}

export async function calendar(ctx) {
  ctx.calendarFile = await bundle(ctx, "startup/calendar.js", "calendar");
}
