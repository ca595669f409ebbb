// Step "start-up": the start-up script (startup/, scripts/build/startup.mjs) in the page.
// Release: Trunk's inline start-up script replaced by the bundle, boot-<hash>.js (the page then
// has no inline script, and the CSP allows none); it starts the glue as Trunk's did. Debug
// (`trunk serve`): Trunk's script stays; the language is picked, and its words asked for, by a
// small inline bundle before it (a debug build has no CSP).
import { startupSettings, bundleStartup } from "./startup.mjs";
import { StepError, renameByContent } from "./util.mjs";

export function settings(ctx) {
  ctx.settings = startupSettings(ctx.root, ctx.hostEnv);
  if (JSON.stringify(ctx.settings.languages) !== JSON.stringify(Object.keys(ctx.wordsFiles))) {
    throw new StepError("content/", `startup-settings lists the languages ${ctx.settings.languages}, export-content ${Object.keys(ctx.wordsFiles)}`);
  }
}

export async function boot(ctx) {
  const $ = ctx.$;
  const trunks = $('script[type="module"]:not([src])');
  if (trunks.length !== 1) throw new StepError("index.html", "expected Trunk's one inline start-up script");
  if (!ctx.release) {
    const code = await bundleStartup({ root: ctx.root, entry: "startup/debug.js", settings: ctx.settings, files: { words: ctx.wordsFiles, integrity: ctx.wordsIntegrity, told: ctx.told }, format: "iife" });
    $("head").append($("<script></script>").text(code));
    return;
  }
  const files = { words: ctx.wordsFiles, integrity: ctx.wordsIntegrity, told: ctx.told, glue: ctx.glue, wasm: ctx.wasm, qr: ctx.qrFile, calendar: ctx.calendarFile };
  const code = await bundleStartup({ root: ctx.root, entry: "startup/main.js", settings: ctx.settings, files });
  const name = renameByContent(ctx.dir, "boot.js", "boot", ".js", code);
  trunks.replaceWith(`<script type="module" src="./${name}"></script>`);
}
