// Closer's start-up script, bundled and minified into boot-<hash>.js by the build
// (scripts/build/startup.mjs, with esbuild), which the page loads instead of Trunk's inline one.
// It picks the language and asks for that language's words at once, compiles the wasm while the
// glue loads, then starts the glue as Trunk's script does; meanwhile it hands what the person
// does on the prerendered page to the app, and afterwards keeps Closer for use offline. If Closer
// cannot start, or stops on an error, it says so and offers a reload.
//
// Two modules the build provides:
// - `closer:settings`: what the Rust definitions say (core/src/bin/startup-settings.rs): the
//   record's key, version and fields, the quick exit's key, the languages, the prerendered routes;
// - `closer:build`: this build's files (each language's words file and its Subresource
//   Integrity, the glue, the wasm, the QR encoder) and each language's words for the notices
//   (content/<language>/shell.toml).
import settings from "closer:settings";
import build from "closer:build";
import { pickLanguage } from "./language.js";
import { storedRecord } from "./record.js";
import { quickExitBack } from "./exit.js";
import { keepsPrerendered, clearPrerendered } from "./prerendered.js";
import { handOver } from "./handover.js";
import { tell } from "./notice.js";
import { mayKeepOffline, whenQuiet, keepOffline, forgetOffline } from "./offline.js";

const win = window;
const record = storedRecord(window, settings);
const language = pickLanguage({
  languages: settings.languages,
  query: new URLSearchParams(location.search),
  saved: record.language,
  browser: navigator.languages || [navigator.language],
});
const words = build.told[language];
// The language the page's markup was prerendered in, then the one it says it is in from now on;
// it describes itself in it.
const prerenderedIn = document.documentElement.lang;
document.documentElement.lang = language;
if (words.description) document.querySelector("meta[name=description]")?.setAttribute("content", words.description);

// Back to a page the quick exit left: on to where it went, and Closer does not start.
if (quickExitBack(win, settings.leftKey)) await new Promise(() => {});

const shows = {
  route: document.body.dataset.prerendered,
  hash: location.hash,
  search: location.search,
  language,
  prerenderedIn,
  inProgress: record.inProgress,
  quizRoute: settings.routes.quiz,
};
if (!keepsPrerendered(shows)) clearPrerendered(document);
handOver(win);

addEventListener("error", (e) => {
  if (e.error instanceof WebAssembly.RuntimeError) tell(document, words.stopped, words.reload, () => location.reload());
});
// The app raises this when its words cannot be had (src/web/dom.rs).
addEventListener("closer-failed-to-start", () => tell(document, words.failed_to_start, words.reload, () => location.reload()));
// The words of the language picked (only those), asked for now, while the wasm loads, with
// their Subresource Integrity: the browser refuses any other bytes (the fetch rejects). The app
// takes this promise at start and knows the language by the words' checksum (src/lib.rs:
// content::take); if it brings nothing, the app fetches English's itself, with the integrity
// left here for it (the wasm compiles in no hash). The words file ends with the integrity of the
// page bodies and the plans file, which the app fetches them with.
win.closerWords = fetch(build.words[language], { integrity: build.integrity[language] })
  .then((r) => (r.ok ? r.text() : null))
  .catch(() => null);
win.closerEnglishIntegrity = build.integrity.en;
// The wasm is compiled from now on, beside loading the glue, not after it (from its bytes if the
// host does not serve it as application/wasm); a failure is told below, when the app starts.
const compiled = WebAssembly.compileStreaming(fetch(build.wasm)).catch(() =>
  fetch(build.wasm)
    .then((r) => r.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes)),
);
compiled.catch(() => {});
// A partner link's QR code (src/web/qr.rs): the encoder is loaded from this site the first time
// one is asked for, not before.
win.closerQr = (text) => import(build.qr).then((m) => m.qr(text));
// The plan's calendar file (src/web/calendar.rs), likewise loaded only when asked for.
win.closerCalendar = (plan) => import(build.calendar).then((m) => m.calendar(plan));
addEventListener("closer-forget", () => forgetOffline(win));
// The worker is registered once the app runs and the person is not answering (whenQuiet).
if (mayKeepOffline(win)) addEventListener("closer-ready", () => whenQuiet(win, () => keepOffline(win)), { once: true });

try {
  const bindings = await import(build.glue);
  const wasm = await bindings.default({ module_or_path: compiled });
  win.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
} catch (error) {
  tell(document, words.failed_to_start, words.reload, () => location.reload());
  throw error;
}
