// Prints the raw and gzip size of every file in a build folder, and the total, then checks
// the size budgets (deterministic: the same build gives the same bytes).
//   node scripts/sizes.mjs dist [--report-only] [--json FILE]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The budgets are tripwires, not targets. They catch an accident, such as a dependency that
// pulls in 30 KB, and leave room for features: a change that stays under them needs no byte
// shaved, and a speed goal, not a budget, is the reason to shave any (docs/performance.md;
// what each past saving was, docs/decisions.md). A change that crosses one fails `make test`;
// raise a budget only with the reason written here.
//   wasm ≤ 152 KB gzip (130 until the two-week plan, issue 29: its page, offer, re-check,
//   record version 4 and link format 3 measured +21.3 KB gzip, 125.7 → 147.0 KB, most of it
//   Yew's markup code for the plan's page (about 11 KB) and offer (2.3 KB); the practices
//   themselves are a file fetched with the page. Raised to keep the feature, pending the
//   owner's choice between this and splitting the plan out of the first load; see
//   docs/decisions.md);
//   first load ≤ 178 KB gzip, in each language (its own words file fetched, the service worker
//   and the manifest included; 155 until the plan, for the same 21 KB, and Subresource
//   Integrity's hashes, about 1 KB);
//   each language's words file on its own ≤ 16 KB gzip (words needed on one page only, such as
//   the explainer's bodies, may be fetched with that page instead).
export const BUDGETS = { wasmGzip: 152 * 1024, firstLoadGzip: 178 * 1024, wordsGzip: 16 * 1024 };

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

/** The languages whose words file the start-up script can ask for (English alone in a debug
 *  build, whose app fetches its words itself). */
export function languagesOf(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const boot = html.match(/\ssrc="\.\/(boot-[0-9a-f]+\.js)"/)?.[1];
  if (!boot) return ["en"];
  const codes = [...readFileSync(join(dir, boot), "utf8").matchAll(/["']?([a-z]{2})["']?:\s*["']\.\/words-[0-9a-f]{8}\.txt["']/g)].map((m) => m[1]);
  if (!codes.length) throw new Error(`${dir}/${boot} names no words file`);
  return [...new Set(codes)];
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
  const gzipOf = (set) => files.filter((f) => set.has(f.file)).reduce((n, f) => n + f.gzip, 0);
  const over = [];
  const check = (what, size, budget) => {
    console.log(`${what}: gzip ${kb(size).trim()} of ${kb(budget).trim()}`);
    if (size > budget) over.push(`${what}: gzip ${kb(size).trim()} > budget ${kb(budget).trim()}`);
  };
  check("wasm", files.filter((f) => f.file.endsWith(".wasm")).reduce((n, f) => n + f.gzip, 0), BUDGETS.wasmGzip);
  // Each language's first load: a reader of that language fetches its words file, no other.
  let firstLoad = 0;
  for (const language of languagesOf(dir)) {
    const first = firstLoadFiles(dir, language);
    const size = gzipOf(first);
    if (language === "en") firstLoad = size;
    check(`first load, ${language} (${first.size} files, the service worker and manifest included)`, size, BUDGETS.firstLoadGzip);
  }
  for (const f of files.filter((f) => /^words-[0-9a-f]+\.txt$/.test(f.file))) check(`words file ${f.file}`, f.gzip, BUDGETS.wordsGzip);
  const offline = offlineOnlyFiles(dir);
  console.log(`kept for use offline besides (${offline.size} files the worker fetches after the first load: explainer pages, their stylesheet, icons) gzip ${kb(gzipOf(offline)).trim()}; a whole first visit ${kb(firstLoad + gzipOf(offline)).trim()}`);
  if (over.length) {
    console.error("size budget exceeded (a tripwire: see the budgets in scripts/sizes.mjs):\n  " + over.join("\n  "));
    process.exit(1);
  }
  console.log("size budgets ok");
}
