// Step "qr": the QR encoder (startup/qr.js, lean-qr's nano build and SVG path helper) bundled and
// minified by esbuild into qr-<hash>.js; the start-up script imports it by that name.
import { join } from "node:path";
import { build } from "esbuild";
import { StepError, renameByContent } from "./util.mjs";

export async function qr(ctx) {
  const entry = join(ctx.root, "startup/qr.js");
  let code;
  try {
    const result = await build({ absWorkingDir: ctx.root, entryPoints: [entry], bundle: true, minify: true, format: "esm", target: "es2022", write: false, legalComments: "none", logLevel: "silent" });
    code = result.outputFiles[0].text;
  } catch (error) {
    throw new StepError(entry, error.message);
  }
  ctx.qrFile = `./${renameByContent(ctx.dir, "qr.js", "qr", ".js", code)}`;
}
