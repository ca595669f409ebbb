// Prints the raw and gzip size of every file in a build folder, and the total, then checks
// the size budgets (deterministic: the same build gives the same bytes).
//   node scripts/sizes.mjs dist [--report-only] [--json FILE]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The budgets: wasm ≤ 120 KB gzip and first load ≤ 142.5 KB gzip. Issue 12 set 115 and 130 when
// it brought serde and gloo-storage into the wasm; issue 18 then counted the service worker and
// the manifest in the first load (1.5 KB), and issues 13, 14 and 18 added words (+1.8 KB) and
// code, so the first load went to 135. Issue 16's locked links (WebCrypto, the passphrase form,
// the QR code's button; its encoder is fetched only when a code is shown) add 7.5 KB gzip of
// wasm and 8.1 KB of first load (wasm 111.3 → 118.8, first load 132.3 → 140.4, Spanish 141.1),
// and no build option or maintained library measured frees that much (README, "Speed and
// size"), so both budgets grew by that feature's cost and no more. The first load then grew
// by 0.5 KB for one fix: a keyboard user's focus no longer falls to the start of the page when
// what it was on goes away (a question before deleting, on History and Your data, as it opens
// and closes; a notice dismissed; the passphrase form once it has locked or opened a link; the
// QR code's button): +0.63 KB gzip of wasm and a short status line in each words file, less 26
// bytes of manifest written without indentation. The Spanish first load was 0.13 KB under the
// old 142 KB and no saving of 0.5 KB was found. A change that grows past either fails.
export const GOALS = { wasmGzip: 120 * 1024, firstLoadGzip: 142.5 * 1024 };
export const BUDGETS = GOALS;

/** The files a first visit loads: index.html, everything it references (the manifest too), and
 *  the service worker it registers (issue 18). Not the home-screen icon for iOS: no browser
 *  fetches it on a visit, only when the page is added to a home screen (like the manifest's
 *  icons, which are kept for use offline and counted there). */
export function firstLoadFiles(dir, language = "en") {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const refs = [...html.matchAll(/<link rel="(?!apple-touch-icon")[^>]*?\shref="\.\/([^"#?]+)"|\ssrc="\.\/([^"#?]+)"/g)].map((m) => m[1] ?? m[2]);
  return new Set(["index.html", ...refs, ...wordsOf(dir, refs, language), ...(existsSync(join(dir, "sw.js")) ? ["sw.js"] : [])]);
}

/** The words file the start-up script asks for when `language` is picked (issue 17: one file a
 *  language, and only the one shown is fetched, so the page cannot name it). English by default;
 *  none in a debug build, whose app fetches them itself. */
export function wordsOf(dir, refs, language) {
  const boot = refs.find((f) => /^boot-[0-9a-f]+\.js$/.test(f));
  if (!boot) return [];
  const m = readFileSync(join(dir, boot), "utf8").match(new RegExp(`["']?${language}["']?:\\s*["']\\./(words-[0-9a-f]{8}\\.txt)["']`));
  if (!m) throw new Error(`${dir}/${boot} names no words file for "${language}"`);
  return [m[1]];
}

/** What the service worker fetches besides, once the page has loaded, to keep for use offline
 *  (the explainer pages, the icons): the files its list names that the first load did not fetch. */
export function offlineOnlyFiles(dir) {
  if (!existsSync(join(dir, "sw.js"))) return new Set();
  const list = readFileSync(join(dir, "sw.js"), "utf8").match(/\bconst FILES ?= ?(\[[^\]]*\]);/);
  if (!list) throw new Error(`${dir}/sw.js has no FILES list`);
  const first = firstLoadFiles(dir);
  return new Set(JSON.parse(list[1]).map((f) => f.replace(/^\.\//, "")).filter((f) => !first.has(f)));
}

/** Every file below `dir` (dot files left out), as paths with `/`, in sorted order. */
export function buildFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => f.split("\\").join("/"))
    .filter((f) => !f.split("/").some((part) => part.startsWith(".")) && statSync(join(dir, f)).isFile())
    .sort();
}

export function measure(dir) {
  const files = buildFiles(dir).map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const reportOnly = process.argv.includes("--report-only");
  const jsonAt = process.argv.indexOf("--json");
  const { files, total } = measure(dir);
  console.log(`${"file".padEnd(44)} ${"raw".padStart(10)} ${"gzip".padStart(10)}`);
  for (const f of files) console.log(`${f.file.padEnd(44)} ${kb(f.raw)} ${kb(f.gzip)}`);
  console.log(`${"total".padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)}`);
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ files, total }, null, 2));
  if (reportOnly) process.exit(0);
  const wasm = files.filter((f) => f.file.endsWith(".wasm")).reduce((n, f) => n + f.gzip, 0);
  const first = firstLoadFiles(dir);
  const firstLoad = files.filter((f) => first.has(f.file)).reduce((n, f) => n + f.gzip, 0);
  console.log(`first load (${first.size} files, the service worker included; English chosen) gzip ${kb(firstLoad).trim()}; goal ${kb(GOALS.firstLoadGzip).trim()}, wasm goal ${kb(GOALS.wasmGzip).trim()}`);
  const firstEs = firstLoadFiles(dir, "es");
  // Each language's first load is held to the budget: a Spanish reader fetches Spanish words.
  let firstLoadEs = 0;
  if (existsSync(join(dir, "sw.js"))) {
    firstLoadEs = files.filter((f) => firstEs.has(f.file)).reduce((n, f) => n + f.gzip, 0);
    console.log(`first load with Spanish chosen (its words file instead of English's) gzip ${kb(firstLoadEs).trim()}`);
  }
  const offline = offlineOnlyFiles(dir);
  const offlineOnly = files.filter((f) => offline.has(f.file)).reduce((n, f) => n + f.gzip, 0);
  console.log(`kept for use offline besides (${offline.size} files the worker fetches after the first load: explainer pages, their stylesheet, icons) gzip ${kb(offlineOnly).trim()}; a whole first visit ${kb(firstLoad + offlineOnly).trim()}`);
  const over = [];
  if (wasm > BUDGETS.wasmGzip) over.push(`wasm gzip ${kb(wasm)} > budget ${kb(BUDGETS.wasmGzip)}`);
  if (firstLoad > BUDGETS.firstLoadGzip) over.push(`first-load gzip ${kb(firstLoad)} > budget ${kb(BUDGETS.firstLoadGzip)}`);
  if (firstLoadEs > BUDGETS.firstLoadGzip) over.push(`first-load gzip with Spanish chosen ${kb(firstLoadEs)} > budget ${kb(BUDGETS.firstLoadGzip)}`);
  if (over.length) {
    console.error("size budget exceeded:\n  " + over.join("\n  "));
    process.exit(1);
  }
  console.log(`size budget ok: wasm gzip ${kb(wasm).trim()} of ${kb(BUDGETS.wasmGzip).trim()}, first load gzip ${kb(firstLoad).trim()} of ${kb(BUDGETS.firstLoadGzip).trim()}`);
}
