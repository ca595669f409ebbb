// The bench: how much Closer sends, how soon it can be answered, how quickly it answers back,
// how much memory it holds, and what Lighthouse says. Informational: it fails (exit 1) only when
// the app never became answerable. Everything is written to bench.json as well, and the
// figures, budgets and goals to docs/performance.md (scripts/performance-doc.mjs).
//   node scripts/bench.mjs [dist]     (after a release build: `make bench` does both)
// Environment: BENCH_LOADS (default 15), CHROME_PATH (default: Debian's or Ubuntu's Chromium),
//   BENCH_SKIP=lighthouse,answers,locked,phone,... to leave steps out, BENCH_BASELINE=<another dist>
//   to print what this build adds to that one (wasm and first load, gzip).
import { writeFileSync, readFileSync, readdirSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { cpus, tmpdir, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";
import { measure, firstLoadFiles } from "./sizes.mjs";
import { chromiumPath } from "./chromium.mjs";
import { sizesOf, writePerformanceDoc } from "./performance-doc.mjs";

const DIST = process.argv[2] ?? "dist";
// Serve a copy: a rebuild of dist/ during the bench must not swap files under the browser.
const SNAPSHOT = mkdtempSync(join(tmpdir(), "closer-bench-"));
cpSync(DIST, SNAPSHOT, { recursive: true });
const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const CHROME = chromiumPath();
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").filter(Boolean));
const RATES = [1, 4];
// The flags every headless Chromium here needs (the network is closed); shared with the e2e tests.
const CHROME_ARGS = JSON.parse(readFileSync(new URL("./chromium-args.json", import.meta.url), "utf8"));
const ANSWERABLE = "fieldset[data-kind=statement] input[type=radio]";
const FLOOR_PATH = "/floor.html";
// The floor: the least a page can be, one button in static HTML, with the app's own head basics
// (and an icon of its own, as the app has, so that it asks for no /favicon.ico).
const FLOOR_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Floor</title>
    <link rel="icon" href="data:," />
  </head>
  <body><main><button type="button">Start</button></main></body>
</html>
`;

const startedAt = Date.now();
const launched = []; // Chromes started for Lighthouse, killed at the end whatever happened.
const out = {
  date: new Date().toISOString(),
  environment: environment(),
  settings: { loads: LOADS, rates: RATES, percentile: "linear interpolation between closest ranks", dist: DIST },
  transfer: null,
  load: null,
  answers: null,
  answersFloor: null,
  memory: null,
  lighthouse: null,
  locked: null,
  problems: [],
};

// ---------- helpers ----------

const log = (...a) => console.log(...a);
function problem(step, err) {
  const message = `${step}: ${err?.message?.split("\n")[0] ?? err}`;
  out.problems.push(message);
  console.log(`!! ${message} (the bench goes on)`);
}
function quantile(sorted, q) {
  if (!sorted.length) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, median: null, p95: null, min: null, max: null };
  const r = (x) => Math.round(x * 10) / 10;
  return { n: v.length, median: r(quantile(v, 0.5)), p95: r(quantile(v, 0.95)), min: r(v[0]), max: r(v[v.length - 1]) };
}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
const kb = (n) => (n == null ? "-" : (n / 1024).toFixed(1) + " KB");
const ms = (n) => (n == null ? "-" : n.toFixed(1) + " ms");
const mb = (n) => (n == null ? "-" : (n / 1024 / 1024).toFixed(2) + " MB");
function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("   ");
  log(line(all[0]));
  log(widths.map((w) => "-".repeat(w)).join("   "));
  for (const r of all.slice(1)) log(line(r));
}
function environment() {
  let chromiumVersion = null;
  try {
    chromiumVersion = execFileSync(CHROME, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {}
  return { node: process.version, chromium: chromiumVersion, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100) };
}

// ---------- the server ----------

// The per-answer floor: Closer's own check-in page (check-in/: the first statement as the app
// renders it, with its stylesheet, nothing else fetched) moved on by a few lines of plain DOM code
// instead of the app. A click on an answer saves the answers to localStorage as JSON, puts a new
// statement's fieldset (a clone, with the next statement's words, ids and names) in place of
// the old one, moves the progress on and focuses the new statement's first option, as Closer
// does. What any page pays for the same change on the same page, measured by the same run.
const ANSWERS_FLOOR_PATH = "/floor-answers.html";
function answersFloorHtml() {
  let page = readFileSync(join(SNAPSHOT, "check-in/index.html"), "utf8");
  const first = page.match(/<legend>([^<]+)<\/legend>/)?.[1];
  const total = Number(page.match(/class="progress-text">\d+\D+(\d+)</)?.[1]);
  const lines = readdirSync(SNAPSHOT)
    .filter((f) => /^words-[0-9a-f]+\.txt$/.test(f))
    .map((f) => readFileSync(join(SNAPSHOT, f), "utf8").split("\n"))
    .find((l) => l.includes(first));
  if (!first || !total || !lines) throw new Error("check-in/index.html has no first statement and progress, or no words file has its words");
  // The first statement's words, then the next lines of the words file that read like statements.
  const statements = lines.slice(lines.indexOf(first)).filter((l) => /^[A-Z].{24,110}[.]$/.test(l)).slice(0, total);
  page = page
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="(?:modulepreload|preload|manifest|apple-touch-icon)"[^>]*>/g, "")
    .replace(/<link rel="icon"[^>]*>/, '<link rel="icon" href="data:," />')
    .replace(/ data-prerendered="[^"]*"/, "");
  const script = `<script>
const statements = ${JSON.stringify(statements)}, total = ${total}, answers = {};
let n = 1;
const form = document.getElementById("quiz-form"), text = document.getElementById("progress-text"), bar = document.querySelector(".progress progress");
form.addEventListener("click", (e) => {
  const chosen = e.target;
  if (!(chosen instanceof HTMLInputElement) || chosen.type !== "radio") return;
  answers["s" + n] = Number(chosen.value);
  localStorage.setItem("floor", JSON.stringify({ version: 1, answers }));
  n += 1;
  if (n > total) return form.closest(".quiz").replaceChildren(Object.assign(document.createElement("h1"), { textContent: "Done" }));
  const old = form.querySelector("fieldset"), next = old.cloneNode(true);
  next.querySelector("legend").textContent = statements[(n - 1) % statements.length];
  next.querySelectorAll(".option").forEach((option, i) => {
    const radio = option.querySelector("input");
    radio.id = "answer-s" + n + "-" + i;
    radio.name = "answer-s" + n;
    radio.checked = false;
    option.querySelector("label").htmlFor = radio.id;
  });
  old.replaceWith(next);
  text.textContent = n + " of " + total;
  bar.value = n;
  next.querySelector("input").focus();
});
</script>`;
  return page.replace("</body>", `${script}\n</body>`);
}
let answersFloor = null;
try {
  answersFloor = answersFloorHtml();
} catch (err) {
  problem("the per-answer floor page", err);
}
const server = await startServer({ dir: SNAPSHOT, port: 0, prefixes: ["/"], gzip: true, extra: { [FLOOR_PATH]: FLOOR_HTML, ...(answersFloor ? { [ANSWERS_FLOOR_PATH]: answersFloor } : {}) } });
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
log(`bench: serving ${DIST} at ${ORIGIN}/ (gzip), ${LOADS} loads per measurement, CPU ${out.environment.cpus} × ${out.environment.cpuModel ?? "?"}`);
log(`bench: ${out.environment.chromium ?? CHROME}, Node ${process.version}`);
if (loadavg()[0] > out.environment.cpus * 0.75)
  log(`bench: note: the load average is ${loadavg()[0].toFixed(1)} on ${out.environment.cpus} cores: other work is running, expect noisy timings`);
log("");

// ---------- 1. first-load transfer (printed once the browser has shown what a load fetches) ----------

try {
  out.transfer = measure(SNAPSHOT);
} catch (err) {
  problem("transfer sizes", err);
}

function printTransfer() {
  if (!out.transfer?.files) return;
  const { files, total, observed } = out.transfer;
  const fetched = observed ? new Set(observed.files.map((f) => f.url.replace(/^\//, "") || "index.html")) : null;
  for (const f of files) f.firstLoad = fetched ? fetched.has(f.file) : null;
  log("== First-load transfer (every file in dist/, gzip level 9 as served) ==");
  const rows = files.map((f) => [f.file, kb(f.raw), kb(f.gzip), f.firstLoad == null ? "?" : f.firstLoad ? "yes" : "no"]);
  rows.push(["total, every file", kb(total.raw), kb(total.gzip), ""]);
  if (fetched) {
    const loaded = files.filter((f) => f.firstLoad);
    out.transfer.firstLoadTotal = loaded.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
    rows.push(["total, fetched by a first load", kb(out.transfer.firstLoadTotal.raw), kb(out.transfer.firstLoadTotal.gzip), ""]);
  }
  table(rows, ["file", "raw", "gzip", "fetched on #/quiz"]);
  if (observed) log(`(on the wire, as Chromium counted one load of #/quiz: ${kb(observed.total)} in ${observed.files.length} responses, headers included)`);
  log("");
}

// ---------- the browser ----------

let browser;
try {
  browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS, headless: true });
} catch (err) {
  problem("launching Chromium", err);
  printTransfer();
  finish();
}

/** A fresh context (own cache and storage) with one page and its CDP session, throttled to `rate`. */
async function fresh(rate, { initScript, throttle = null, serviceWorkers = "allow" } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  page.on("requestfailed", (r) => errors.push(`failed request ${r.url()}: ${r.failure()?.errorText}`));
  if (initScript) await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  // No Network.setCacheDisabled: a new context already starts with an empty cache, and
  // disabling the cache through CDP made every Closer load ~110 ms slower in a trial here.
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  if (throttle) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: throttle.latency, downloadThroughput: throttle.download, uploadThroughput: throttle.upload });
  }
  return { context, page, cdp, errors };
}

/** Ms from navigation start until an element matching `selector` exists and is enabled, read in the page. */
async function timeTo(page, url, selector, timeout) {
  await page.goto(url, { waitUntil: "commit", timeout });
  const handle = await page.waitForFunction(
    (sel) => {
      const ok = document.querySelector(sel);
      return ok && ok.matches(":enabled") ? performance.now() : false;
    },
    selector,
    { polling: "raf", timeout },
  );
  return handle.jsonValue();
}

const TARGETS = {
  closer: { url: () => `${ORIGIN}/#/quiz`, selector: ANSWERABLE },
  // The first statement prerendered at its real path: answerable before the app, which takes
  // an answer given before it is ready.
  checkin: { url: () => `${ORIGIN}/check-in/`, selector: ANSWERABLE },
  // The front page (prerendered): its way in is there before the app.
  front: { url: () => `${ORIGIN}/`, selector: "main button.primary" },
  floor: { url: () => `${ORIGIN}${FLOOR_PATH}`, selector: "button" },
  // #/quiz with service workers blocked (issue 28, point 3): the first answer taken without the
  // offline worker, beside the same with it allowed (closer), to show its install does not compete.
  quizNoWorker: { url: () => `${ORIGIN}/#/quiz`, selector: ANSWERABLE, serviceWorkers: "block" },
};
const KINDS = ["closer", "checkin", "front", "floor", "quizNoWorker"];
const TAKES_ANSWERS = new Set(["closer", "checkin", "quizNoWorker"]);

// Once Closer has failed two loads in a row without ever succeeding, it is not going to:
// its remaining measurements are skipped so that a broken build fails in seconds, not minutes.
const closer = { ok: 0, failStreak: 0 };
const hopeless = () => closer.ok === 0 && closer.failStreak >= 2;

async function oneLoad(which, rate, { network = false } = {}) {
  if (which === "closer" && hopeless()) throw new Error("skipped: the app has not become answerable in any load");
  try {
    const r = await oneLoadInner(which, rate, { network });
    if (which === "closer") (closer.ok++, (closer.failStreak = 0));
    return r;
  } catch (err) {
    if (which === "closer") closer.failStreak++;
    throw err;
  }
}

/** A real click (CDP mouse events) on the statement's fourth option, at its place read in the
 *  page at once (not Playwright's locator click, whose checks add their own wait); resolves with
 *  the page's clock when the next statement shows. */
async function firstAnswerTaken(page, timeout) {
  const [before, x, y] = await page.evaluate(() => {
    const r = document.querySelectorAll("fieldset[data-kind=statement] .option label")[3].getBoundingClientRect();
    return [document.querySelector(".progress-text")?.textContent, r.x + r.width / 2, r.y + r.height / 2];
  });
  await page.mouse.click(x, y);
  return page
    .waitForFunction((b) => (document.querySelector(".progress-text")?.textContent !== b ? performance.now() : false), before, { polling: "raf", timeout })
    .then((h) => h.jsonValue());
}

async function oneLoadInner(which, rate, { network }) {
  const { context, page, cdp, errors } = await fresh(rate, { serviceWorkers: TARGETS[which].serviceWorkers });
  const transfers = new Map();
  try {
    if (network) {
      const urls = new Map();
      cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
      cdp.on("Network.loadingFinished", (e) => transfers.set(urls.get(e.requestId) ?? e.requestId, e.encodedDataLength));
      await cdp.send("Network.enable");
    }
    const timeout = 20_000 * rate;
    const t = await withTimeout(timeTo(page, TARGETS[which].url(), TARGETS[which].selector, timeout), timeout + 5000, `${which} load`);
    // First contentful paint, from navigation, as the page's Paint Timing says.
    const fcp = await page
      .waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? false, null, { timeout })
      .then((h) => h.jsonValue());
    // First answer taken: a real click on an option as soon as one is there, until the next
    // statement shows (Closer only: the floor's is its first answerable).
    let taken = null;
    if (TAKES_ANSWERS.has(which) && !network) {
      // A real click (CDP mouse events) at the option's place, read in the page at once: not
      // Playwright's locator click, whose checks (visible, stable for two frames) add their own wait.
      taken = await firstAnswerTaken(page, timeout);
    }
    if (network) await page.waitForLoadState("load").catch(() => {});
    return { ms: t, fcp, taken, errors, transfers };
  } finally {
    await context.close().catch(() => {});
  }
}

// One load of #/quiz that watches the network: which files a first load fetches, and how many bytes.
if (browser) {
  try {
    const w = await oneLoad("closer", 1, { network: true });
    const files = [...w.transfers].map(([url, bytes]) => ({ url: url.replace(ORIGIN, ""), bytes }));
    out.transfer = { ...(out.transfer ?? {}), observed: { files, total: files.reduce((n, f) => n + f.bytes, 0) } };
    if (w.errors.length) problem("the network-watching load", new Error(w.errors.join("; ")));
  } catch (err) {
    problem("the network-watching load", err);
  }
}
printTransfer();

// ---------- 2. load time: Closer and the floor, interleaved ----------

if (browser && !SKIP.has("load")) {
  out.load = {};
  log("== Navigation start → first statement answerable (Closer, #/quiz) and → button present (floor) ==");
  for (const rate of RATES) {
    const key = `${rate}x`;
    const r = (out.load[key] = Object.fromEntries(KINDS.map((k) => [k, { samples: [], fcp: [], taken: [], failures: [] }])));
    // One warm-up of each at this rate, not counted.
    for (const which of KINDS) {
      try {
        await oneLoad(which, rate);
      } catch (err) {
        problem(`${which} warm-up load at ${key}`, err);
      }
    }
    for (let i = 0; i < LOADS; i++) {
      for (const which of KINDS) {
        try {
          const { ms: t, fcp, taken, errors } = await oneLoad(which, rate);
          r[which].samples.push(Math.round(t * 10) / 10);
          r[which].fcp.push(Math.round(fcp * 10) / 10);
          if (taken != null) r[which].taken.push(Math.round(taken * 10) / 10);
          if (errors.length) r[which].failures.push(`load ${i + 1}: ${errors.join("; ")}`);
        } catch (err) {
          r[which].failures.push(`load ${i + 1}: ${err.message.split("\n")[0]}`);
        }
      }
    }
    const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
    for (const which of KINDS) {
      Object.assign(r[which], stats(r[which].samples));
      r[which].fcpStats = stats(r[which].fcp);
      r[which].takenStats = stats(r[which].taken);
      if (r[which].failures.length) problem(`${which} loads at ${key}`, new Error(`${r[which].failures.length} problem(s): ${r[which].failures[0]}`));
    }
    r.ratioMedian = ratio(r.closer.median, r.floor.median);
    r.ratioFrontMedian = ratio(r.front.median, r.floor.median);
    // The goals (issue 15): first contentful paint ≤ 1.2× the floor's; first answer taken ≤ 2× the floor's first answerable.
    r.fcpRatioMedian = { closer: ratio(r.closer.fcpStats.median, r.floor.fcpStats.median), front: ratio(r.front.fcpStats.median, r.floor.fcpStats.median) };
    r.takenRatioMedian = ratio(r.closer.takenStats.median, r.floor.median);
    r.ratioCheckinMedian = ratio(r.checkin.median, r.floor.median);
    r.fcpRatioMedian.checkin = ratio(r.checkin.fcpStats.median, r.floor.fcpStats.median);
    r.takenCheckinRatioMedian = ratio(r.checkin.takenStats.median, r.floor.median);
    r.takenNoWorkerRatioMedian = ratio(r.quizNoWorker.takenStats.median, r.floor.median);
  }
  const row = (name, s, ratio) => [name, s.n, ms(s.median), ms(s.p95), ms(s.min), ms(s.max), ratio == null ? "" : `${ratio.toFixed(2)}×`];
  table(
    RATES.flatMap((rate) => {
      const r = out.load[`${rate}x`];
      return [
        row(`Closer #/quiz, answerable, CPU ${rate}x`, r.closer, r.ratioMedian),
        row(`Closer check-in/ (prerendered), answerable, CPU ${rate}x`, r.checkin, r.ratioCheckinMedian),
        row(`Closer front page, way in, CPU ${rate}x`, r.front, r.ratioFrontMedian),
        row(`floor, answerable, CPU ${rate}x`, r.floor, null),
      ];
    }),
    ["page", "loads", "median", "p95", "min", "max", "÷ floor (median)"],
  );
  log("");
  log("== Navigation start → first contentful paint, and → first answer taken (Closer #/quiz: a click on an option, until the next statement shows) ==");
  table(
    RATES.flatMap((rate) => {
      const r = out.load[`${rate}x`];
      return [
        row(`FCP Closer #/quiz, CPU ${rate}x`, r.closer.fcpStats, r.fcpRatioMedian.closer),
        row(`FCP Closer front page, CPU ${rate}x`, r.front.fcpStats, r.fcpRatioMedian.front),
        row(`FCP Closer check-in/, CPU ${rate}x`, r.checkin.fcpStats, r.fcpRatioMedian.checkin),
        row(`FCP floor, CPU ${rate}x`, r.floor.fcpStats, null),
        row(`first answer taken, Closer #/quiz, CPU ${rate}x (÷ floor answerable)`, r.closer.takenStats, r.takenRatioMedian),
        row(`first answer taken, Closer check-in/, CPU ${rate}x (÷ floor answerable)`, r.checkin.takenStats, r.takenCheckinRatioMedian),
        row(`first answer taken, Closer #/quiz, worker blocked, CPU ${rate}x (÷ floor answerable)`, r.quizNoWorker.takenStats, r.takenNoWorkerRatioMedian),
      ];
    }),
    ["measure", "loads", "median", "p95", "min", "max", "÷ floor (median)"],
  );
  log("");
}

// ---------- 2b. a phone: 4× CPU and Lighthouse's mobile network ----------

// Lighthouse's mobile network (its default throttling: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up), applied by Chromium's network emulation, with the CPU 4× slower. For the floor
// and Closer (check-in/, #/quiz, and #/quiz with service workers blocked), in the same run: the
// first statement readable (there, with its options enabled: the floor's button), the app ready
// (it raised closer-ready), and the first answer taken (a click as soon as the statement is
// readable, until the next one shows), and each one's ratio to the floor's first readable.
const PHONE = { rate: 4, latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8 };
const PHONE_KINDS = ["checkin", "closer", "quizNoWorker", "floor"];
const READY_HOOK = () => addEventListener("closer-ready", () => (window.__benchReady = performance.now()), { once: true });

async function phoneLoad(which) {
  const { context, page, errors } = await fresh(PHONE.rate, { initScript: READY_HOOK, throttle: PHONE, serviceWorkers: TARGETS[which].serviceWorkers });
  try {
    const timeout = 90_000;
    const readable = await withTimeout(timeTo(page, TARGETS[which].url(), TARGETS[which].selector, timeout), timeout + 5000, `${which} load on a phone`);
    let taken = null;
    let ready = null;
    if (TAKES_ANSWERS.has(which)) {
      taken = await firstAnswerTaken(page, timeout);
      ready = await page.waitForFunction(() => window.__benchReady ?? false, null, { timeout }).then((h) => h.jsonValue());
    }
    return { readable, ready, taken, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

if (browser && !SKIP.has("phone") && !hopeless()) {
  const r = (out.phone = { settings: { cpu: PHONE.rate, latencyMs: PHONE.latency, downloadBytesPerSecond: PHONE.download, uploadBytesPerSecond: PHONE.upload } });
  for (const which of PHONE_KINDS) r[which] = { readable: [], ready: [], taken: [], failures: [] };
  log("== A phone: CPU 4x, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's mobile network) ==");
  for (const which of PHONE_KINDS) {
    try {
      await phoneLoad(which); // a warm-up of each, not counted
    } catch (err) {
      problem(`${which} warm-up load on a phone`, err);
    }
  }
  for (let i = 0; i < LOADS; i++) {
    for (const which of PHONE_KINDS) {
      try {
        const { readable, ready, taken, errors } = await phoneLoad(which);
        r[which].readable.push(Math.round(readable * 10) / 10);
        if (ready != null) r[which].ready.push(Math.round(ready * 10) / 10);
        if (taken != null) r[which].taken.push(Math.round(taken * 10) / 10);
        if (errors.length) r[which].failures.push(`load ${i + 1}: ${errors.join("; ")}`);
      } catch (err) {
        r[which].failures.push(`load ${i + 1}: ${err.message.split("\n")[0]}`);
      }
    }
  }
  const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  const floor = stats(r.floor.readable).median;
  for (const which of PHONE_KINDS) {
    const k = r[which];
    k.readableStats = stats(k.readable);
    k.readyStats = stats(k.ready);
    k.takenStats = stats(k.taken);
    k.ratios = { readable: ratio(k.readableStats.median, floor), ready: ratio(k.readyStats.median, floor), taken: ratio(k.takenStats.median, floor) };
    if (k.failures.length) problem(`${which} loads on a phone`, new Error(`${k.failures.length} problem(s): ${k.failures[0]}`));
  }
  const row = (name, st, q) => [name, st.n, ms(st.median), ms(st.p95), ms(st.min), ms(st.max), q == null ? "" : `${q.toFixed(2)}×`];
  table(
    [
      row("floor, readable and answerable", r.floor.readableStats, null),
      ...["checkin", "closer", "quizNoWorker"].flatMap((which) => {
        const name = { checkin: "Closer check-in/", closer: "Closer #/quiz", quizNoWorker: "Closer #/quiz, worker blocked" }[which];
        const k = r[which];
        return [row(`${name}: first statement readable`, k.readableStats, k.ratios.readable), row(`${name}: app ready`, k.readyStats, k.ratios.ready), row(`${name}: first answer taken`, k.takenStats, k.ratios.taken)];
      }),
    ],
    ["measure", "loads", "median", "p95", "min", "max", "÷ floor (median)"],
  );
  log("");
}

// ---------- 3. per-answer latency over a whole run, and 4. memory after it ----------

// In the page: remember the wasm memory when Trunk says the app started, and the time of each
// pointer press (the click on an answer starts there).
const PAGE_HOOKS = () => {
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__benchWasmMemory = e.detail?.wasm?.memory ?? null;
  });
  addEventListener(
    "pointerdown",
    (e) => {
      window.__benchPress = performance.now();
      window.__benchPressStamp = e.timeStamp;
    },
    true,
  );
  // Event Timing: each click's duration (input to the next paint, rounded to 8 ms by the
  // browser) and its handlers' processing time. Only events of 16 ms or more are reported
  // (the API's least threshold); an answer without an entry took less.
  window.__benchEvents = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "click") window.__benchEvents.push({ duration: e.duration, processing: e.processingEnd - e.processingStart, from: e.processingStart, to: e.processingEnd, start: e.startTime, interaction: e.interactionId ?? 0 });
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}
};

/** Event Timing entries grouped by the click that caused them: a click on an answer's label
 *  is reported twice, once for the label and once for the click the browser forwards to its
 *  radio (no interaction id of its own, the same start, its handlers run inside the label's).
 *  Per click, the longest duration and the processing from the first handler's start to the
 *  last one's end (the radio's window lies inside the label's: a sum would count it twice). */
function perClick(events) {
  const clicks = [];
  for (const e of events) {
    const last = clicks.at(-1);
    const same = last && !(e.interaction && last.interaction && e.interaction !== last.interaction) && Math.abs(e.start - last.start) < 4;
    if (same) {
      last.duration = Math.max(last.duration, e.duration);
      last.from = Math.min(last.from, e.from);
      last.to = Math.max(last.to, e.to);
      last.processing = last.to - last.from;
    } else clicks.push({ ...e });
  }
  return clicks;
}

async function fullRun(rate, { floor = false } = {}) {
  const { context, page, cdp, errors } = await fresh(rate, { initScript: PAGE_HOOKS });
  const result = { rate, durations: [], stampDurations: [], toReview: null, total: null, reached: null, storage: null, events: [], errors };
  try {
    const timeout = 20_000 * rate;
    await timeTo(page, floor ? `${ORIGIN}${ANSWERS_FLOOR_PATH}` : `${ORIGIN}/#/quiz`, ANSWERABLE, timeout);
    const progress = async () => (await page.locator(".progress-text").first().textContent({ timeout: 5000 })).trim();
    const parse = (t) => (t.match(/(\d+)\D+(\d+)/) ?? []).slice(1).map(Number);
    const [at = 1, total] = parse(await progress());
    if (!total) throw new Error(`could not read the progress text`);
    result.total = total;
    for (let n = at; n <= total; n++) {
      // Arm: wait in the page for the progress text to change (or go, after the last), then two frames.
      await page.evaluate(() => {
        const el = () => document.querySelector(".progress-text");
        const before = el()?.textContent;
        window.__benchDone = new Promise((resolve) => {
          const check = () => {
            const now = el();
            if (now && now.textContent === before) return false;
            obs.disconnect();
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const end = performance.now();
                resolve({ fromPress: end - window.__benchPress, fromEvent: end - window.__benchPressStamp });
              }),
            );
            return true;
          };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      });
      // A click on an answer chooses it and moves on, as a person on a phone or with a mouse does.
      await page.locator("fieldset[data-kind=statement] .option label").nth(n % 5).click();
      const d = await withTimeout(page.evaluate(() => window.__benchDone), 10_000 * rate, `answer ${n}`);
      if (n < total) {
        result.durations.push(d.fromPress);
        result.stampDurations.push(d.fromEvent);
      } else result.toReview = Math.round(d.fromPress * 10) / 10;
    }
    result.reached = "review";
    // Every click's Event Timing entry so far (the observer reports them after the next frames).
    await page.waitForTimeout(300);
    result.events = await page.evaluate(() => window.__benchEvents);
    if (floor) return result;
    // On to the results, so the memory is measured after a whole check-in (best effort).
    try {
      await page.getByRole("link", { name: "Continue" }).click({ timeout: 5000 });
      await page.getByRole("button", { name: "See my results" }).click({ timeout: 5000 });
      await page.locator("[data-dimension]").first().waitFor({ timeout: 10_000 });
      result.reached = "results";
    } catch (err) {
      problem(`reaching the results after the run at ${rate}x`, err);
    }
    result.storage = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    result.memory = await memory(page, cdp);
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}

async function memory(page, cdp) {
  const m = {};
  try {
    const h = await cdp.send("Runtime.getHeapUsage");
    m.jsHeapUsedBeforeGc = h.usedSize;
    await cdp.send("HeapProfiler.collectGarbage");
    const g = await cdp.send("Runtime.getHeapUsage");
    m.jsHeapUsed = g.usedSize;
    m.jsHeapTotal = g.totalSize;
  } catch (err) {
    problem("JS heap (Runtime.getHeapUsage)", err);
  }
  try {
    m.wasmMemory = await page.evaluate(() => window.__benchWasmMemory?.buffer?.byteLength ?? null);
    if (m.wasmMemory == null) problem("wasm memory", new Error("no TrunkApplicationStarted event with detail.wasm.memory: JS heap only"));
  } catch (err) {
    problem("wasm memory", err);
  }
  try {
    const d = await cdp.send("Memory.getDOMCounters");
    Object.assign(m, { domNodes: d.nodes, jsEventListeners: d.jsEventListeners, documents: d.documents });
  } catch {}
  m.total = (m.jsHeapUsed ?? 0) + (m.wasmMemory ?? 0) || null;
  return m;
}

/** A whole run's figures: per answer from the press to the next statement painted, and each
 *  click's Event Timing. Answers whose click had no entry took under 16 ms: counted as 16 (an
 *  upper bound) in the duration figures, and as 0 in processing, which the API only gives for
 *  entries. */
function summary(r) {
  const answers = r.total;
  const reported = perClick(r.events).slice(0, answers);
  const missing = Math.max(0, answers - reported.length);
  return {
    statements: r.total,
    ...stats(r.durations),
    fromEventTimestamp: stats(r.stampDurations),
    lastToReview: r.toReview,
    eventTiming: {
      answers,
      reported: reported.length,
      duration: stats([...reported.map((e) => e.duration), ...Array(missing).fill(16)]),
      processing: stats([...reported.map((e) => e.processing), ...Array(missing).fill(0)]),
    },
  };
}

let seededStorage = null;
if (browser && !SKIP.has("answers") && hopeless()) problem("per-answer runs", new Error("skipped: the app never became answerable"));
else if (browser && !SKIP.has("answers")) {
  out.answers = {};
  log("== Per answer: click on an answer → next statement painted (progress text changed, then two frames) ==");
  for (const rate of RATES) {
    try {
      const r = await withTimeout(fullRun(rate), 180_000 * rate, `the full run at ${rate}x`);
      out.answers[`${rate}x`] = {
        ...summary(r),
        reached: r.reached,
        errors: r.errors,
        samples: r.durations.map((x) => Math.round(x * 10) / 10),
      };
      if (r.errors.length) problem(`page errors during the run at ${rate}x`, new Error(r.errors.join("; ")));
      out.memory ??= {};
      out.memory[`${rate}x`] = { after: r.reached, ...r.memory };
      if (!seededStorage && r.storage && Object.keys(r.storage).length) seededStorage = r.storage;
      out.storageKeysAfterRun = Object.keys(r.storage ?? {});
    } catch (err) {
      problem(`per-answer run at ${rate}x`, err);
    }
    if (answersFloor) {
      try {
        const r = await withTimeout(fullRun(rate, { floor: true }), 180_000 * rate, `the floor's run at ${rate}x`);
        (out.answersFloor ??= {})[`${rate}x`] = summary(r);
        if (r.errors.length) problem(`page errors during the floor's run at ${rate}x`, new Error(r.errors.join("; ")));
      } catch (err) {
        problem(`the floor's per-answer run at ${rate}x`, err);
      }
    }
  }
  const runs = [
    ...RATES.map((rate) => [`CPU ${rate}x`, out.answers[`${rate}x`]]),
    ...(answersFloor ? RATES.map((rate) => [`floor, CPU ${rate}x`, out.answersFloor?.[`${rate}x`]]) : []),
  ];
  table(
    runs.map(([name, a]) => (a ? [name, a.n, ms(a.median), ms(a.p95), ms(a.min), ms(a.max), ms(a.lastToReview)] : [name, 0, "-", "-", "-", "-", "-"])),
    ["run", "answers", "median", "p95", "min", "max", "last → review"],
  );
  log("");
  log("== Per answer, Event Timing (click: duration to the next paint, and processing in the handlers; unreported < 16 ms counted as 16 and 0) ==");
  table(
    runs.map(([name, a]) => {
      const e = a?.eventTiming;
      return e ? [name, e.answers, e.reported, ms(e.duration.median), ms(e.duration.p95), ms(e.processing.median), ms(e.processing.p95)] : [name, 0, 0, "-", "-", "-", "-"];
    }),
    ["run", "answers", "entries ≥ 16 ms", "duration median", "duration p95", "processing median", "processing p95"],
  );
  log("");
  if (out.memory) {
    log("== Memory after a whole run (after a forced GC) ==");
    table(
      RATES.filter((r) => out.memory[`${r}x`]).map((rate) => {
        const m = out.memory[`${rate}x`];
        return [`CPU ${rate}x, on ${m.after}`, mb(m.jsHeapUsed), m.wasmMemory == null ? "not found" : mb(m.wasmMemory), mb(m.total), m.domNodes ?? "-", m.jsEventListeners ?? "-"];
      }),
      ["run", "JS heap used", "wasm memory", "JS + wasm", "DOM nodes", "listeners"],
    );
    log("");
  }
}

// ---------- 5. Locked links: deriving the key, and the bytes the feature adds ----------

/** In a page of the app: PBKDF2-HMAC-SHA256 at the app's 600,000 rounds, then AES-256-GCM of a
 *  result's 26 bytes, as src/web/crypto.rs asks the browser's WebCrypto; and, meanwhile, the
 *  longest gap between two painted frames (the page must not freeze). */
async function lockOnce(page) {
  return page.evaluate(async () => {
    const subtle = crypto.subtle;
    let frames = 0, longest = 0, last = performance.now(), going = true;
    const tick = (now) => { frames++; longest = Math.max(longest, now - last); last = now; if (going) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const started = performance.now();
    const base = await subtle.importKey("raw", new TextEncoder().encode("four words for a bench"), "PBKDF2", false, ["deriveKey"]);
    const salt = crypto.getRandomValues(new Uint8Array(16)), iv = crypto.getRandomValues(new Uint8Array(12));
    const key = await subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", iterations: 600000, salt }, base, { name: "AES-GCM", length: 256 }, false, ["encrypt"]);
    await subtle.encrypt({ name: "AES-GCM", iv, additionalData: new Uint8Array([2]) }, key, new Uint8Array(26));
    const ms = performance.now() - started;
    going = false;
    return { ms, frames, longestFrameGap: longest };
  });
}

if (browser && !SKIP.has("locked")) {
  out.locked = { derive: {}, bytes: {} };
  log("== Locked links: key derivation (PBKDF2-SHA256, 600,000 rounds) and encryption in WebCrypto, 7 runs ==");
  const rows = [];
  for (const rate of RATES) {
    try {
      const { context, page } = await fresh(rate);
      await page.goto(`${ORIGIN}/`);
      await page.waitForSelector("main h1", { timeout: 30_000 });
      const runs = [];
      for (let i = 0; i < 7; i++) runs.push(await lockOnce(page));
      await context.close();
      const times = runs.map((r) => r.ms);
      const gaps = runs.map((r) => r.longestFrameGap);
      out.locked.derive[`${rate}x`] = { ...stats(times), longestFrameGap: stats(gaps), samples: times.map((x) => Math.round(x)) };
      rows.push([`CPU ${rate}x`, ms(stats(times).median), ms(stats(times).p95), ms(stats(gaps).max)]);
    } catch (err) {
      problem(`key derivation at ${rate}x`, err);
    }
  }
  table(rows, ["run", "median", "p95", "longest frame gap meanwhile"]);
  log("(CPU throttling slows the page's thread; WebCrypto derives the key on a thread of its own, which is why the page keeps painting.)");
  // The bytes: the QR encoder, loaded only when a code is first shown; a locked link's length.
  const { files } = measure(SNAPSHOT);
  const qr = files.find((f) => /^qr-[0-9a-f]{16}\.js$/.test(f.file));
  out.locked.bytes.qrEncoder = qr ?? null;
  out.locked.bytes.lockedLinkExtraCharacters = 64;
  log(`QR encoder, loaded on first use only: ${qr ? `${kb(qr.raw).trim()} raw, ${kb(qr.gzip).trim()} gzip (${qr.file})` : "not found"}`);
  log("a locked link is 64 characters longer than the open one (salt 16, IV 12, tag 16, inner version and checksum 4 bytes)");
  if (process.env.BENCH_BASELINE) {
    const sum = (dir, pick) => measure(dir).files.filter(pick(dir)).reduce((n, f) => n + f.gzip, 0);
    const wasm = () => (f) => f.file.endsWith(".wasm");
    const first = (dir) => { const set = firstLoadFiles(dir); return (f) => set.has(f.file); };
    const added = { wasmGzip: sum(SNAPSHOT, wasm) - sum(process.env.BENCH_BASELINE, wasm), firstLoadGzip: sum(SNAPSHOT, first) - sum(process.env.BENCH_BASELINE, first) };
    out.locked.bytes.addedTo = { baseline: process.env.BENCH_BASELINE, ...added };
    log(`added to ${process.env.BENCH_BASELINE}: wasm ${(added.wasmGzip / 1024).toFixed(2)} KB gzip, first load ${(added.firstLoadGzip / 1024).toFixed(2)} KB gzip`);
  }
  log("");
}

if (browser) await browser.close().catch(() => {});

// ---------- 5. Lighthouse (informational) ----------

if (!SKIP.has("lighthouse")) {
  try {
    out.lighthouse = await withTimeout(runLighthouse(), 1_200_000, "Lighthouse");
  } catch (err) {
    problem("Lighthouse", err);
  }
}

async function runLighthouse() {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const pages = [{ name: "start", url: `${ORIGIN}/` }, { name: "check-in/", url: `${ORIGIN}/check-in/` }, { name: "es/ (Spanish start)", url: `${ORIGIN}/es/` }];
  // The explainer's pages at their real paths (prerendered, issue 15): SEO above all.
  for (const dir of readdirSync(join(SNAPSHOT, "learn"), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    pages.push({ name: `learn/${dir.name}/`, url: `${ORIGIN}/learn/${dir.name}/` });
  }
  pages.push({ name: "learn/", url: `${ORIGIN}/learn/` });
  const STORE_KEY = "closer.v1";
  const seeded = seededStorage && STORE_KEY in seededStorage;
  pages.push({
    name: seeded ? "results" : "results (no results yet)",
    url: `${ORIGIN}/#/results`,
    storage: seeded ? seededStorage : null,
    note: seeded
      ? `localStorage seeded with ${STORE_KEY} from a completed run`
      : `no "${STORE_KEY}" in localStorage after a completed run (keys: ${Object.keys(seededStorage ?? {}).join(", ") || "none"}): audited the "no results yet" page`,
  });
  const results = {};
  log("== Lighthouse 12 (mobile defaults, simulated throttling; informational) ==");
  for (const p of pages) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: [...CHROME_ARGS, "--headless=new"], logLevel: "silent" });
    launched.push(chrome);
    try {
      const flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] };
      let page;
      if (p.storage) {
        // Put the stored check-in in place from a same-origin page that loads nothing else,
        // and keep Lighthouse from clearing it (the cache holds nothing of the app's).
        const puppeteer = (await import("puppeteer-core")).default;
        const b = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
        // Lighthouse's own tab, in the foreground (a second tab would paint nothing in the background).
        page = (await b.pages())[0] ?? (await b.newPage());
        await page.bringToFront();
        await page.goto(`${ORIGIN}${FLOOR_PATH}`);
        await page.evaluate((s) => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v)), p.storage);
        flags.disableStorageReset = true;
      }
      const r = await lighthouse(p.url, flags, undefined, page);
      const lhr = r.lhr;
      const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
      const metric = (id) => lhr.audits[id]?.numericValue ?? null;
      results[p.name] = {
        url: p.url,
        note: p.note ?? null,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        metrics: {
          firstContentfulPaint: metric("first-contentful-paint"),
          largestContentfulPaint: metric("largest-contentful-paint"),
          totalBlockingTime: metric("total-blocking-time"),
          cumulativeLayoutShift: metric("cumulative-layout-shift"),
          speedIndex: metric("speed-index"),
          domElements: metric("dom-size"),
        },
        runWarnings: lhr.runWarnings ?? [],
        runtimeError: lhr.runtimeError?.message ?? null,
        consoleErrors: (lhr.audits["errors-in-console"]?.details?.items ?? []).map((i) => `${i.source ?? ""}: ${i.description ?? ""} ${i.sourceLocation?.url ?? i.url ?? ""}`.trim()),
        failedAudits: Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode) && !a.id.match(/^(first|largest|speed|total|cumulative|interactive|max-potential)/))
          .map((a) => a.id),
      };
      if (p.note) log(`(${p.name}: ${p.note})`);
    } catch (err) {
      problem(`Lighthouse on ${p.url}`, err);
    } finally {
      try {
        await chrome.kill();
      } catch {}
    }
  }
  const rows = Object.entries(results).map(([name, r]) => [name, r.performance ?? "-", r.accessibility ?? "-", r.bestPractices ?? "-", r.seo ?? "-", ms(r.metrics.firstContentfulPaint), ms(r.metrics.largestContentfulPaint), ms(r.metrics.totalBlockingTime), r.metrics.domElements ?? "-"]);
  table(rows, ["page", "performance", "accessibility", "best-practices", "seo", "FCP (sim.)", "LCP (sim.)", "TBT (sim.)", "DOM elements"]);
  for (const [name, r] of Object.entries(results)) {
    if (r.runWarnings.length) log(`  ${name}: warnings: ${r.runWarnings.join(" | ")}`);
    if (r.failedAudits.length) log(`  ${name}: audits below full marks: ${r.failedAudits.join(", ")}`);
    for (const e of r.consoleErrors) log(`  ${name}: console error: ${e}`);
  }
  log("");
  return results;
}

finish();

// ---------- the end ----------

function finish() {
  out.seconds = Math.round((Date.now() - startedAt) / 1000);
  out.environment.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  try {
    out.sizes = sizesOf(SNAPSHOT);
  } catch (err) {
    problem("the budgets' sizes", err);
  }
  try {
    writeFileSync("bench.json", JSON.stringify(out, null, 2) + "\n");
    log(`bench: wrote bench.json (${out.seconds} s)`);
  } catch (err) {
    console.log(`!! writing bench.json: ${err.message}`);
  }
  // docs/performance.md shows a whole run only: one with steps left out does not replace it.
  if (SKIP.size) log(`bench: docs/performance.md left as it was (BENCH_SKIP=${[...SKIP].join(",")}); node scripts/performance-doc.mjs writes it from bench.json`);
  else {
    try {
      log(`bench: wrote ${writePerformanceDoc(out)}`);
    } catch (err) {
      console.log(`!! writing docs/performance.md: ${err.message}`);
    }
  }
  server.close();
  for (const c of launched) {
    try {
      c.kill();
    } catch {}
  }
  try {
    rmSync(SNAPSHOT, { recursive: true, force: true });
  } catch {}
  const answerable = RATES.some((r) => out.load?.[`${r}x`]?.closer?.n > 0) || Object.keys(out.answers ?? {}).some((k) => out.answers[k]?.statements);
  if (out.problems.length) log(`bench: ${out.problems.length} problem(s):\n  ${out.problems.join("\n  ")}`);
  // Only when the steps that load the app ran (BENCH_SKIP may leave them out).
  if (!answerable && !(SKIP.has("load") && SKIP.has("answers"))) {
    console.error("bench: FAILED: the app never became answerable (no first statement with an enabled radio)");
    process.exit(1);
  }
  process.exit(0);
}
