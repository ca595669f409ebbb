// Writes docs/performance.md from a bench run: the latest run's figures in one table (with its
// date, machine and engine), the size budgets, and the goals, each marked met or not by that run.
// `make bench` calls it at the end of scripts/bench.mjs; to write the page again from a kept run:
//   node scripts/performance-doc.mjs [bench.json] [docs/performance.md]
// No measured figure in the page is typed by hand: each is bench.json's.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { BUDGETS, measure, firstLoadFiles, languagesOf } from "./sizes.mjs";

/** The sizes the budgets hold, measured on the build the bench served (for bench.json). */
export function sizesOf(dir) {
  const { files } = measure(dir);
  const gzip = (pick) => files.filter(pick).reduce((n, f) => n + f.gzip, 0);
  const firstLoad = {};
  for (const language of languagesOf(dir)) {
    const set = firstLoadFiles(dir, language);
    firstLoad[language] = { gzip: gzip((f) => set.has(f.file)), files: files.filter((f) => set.has(f.file)).map((f) => ({ file: f.file, gzip: f.gzip })) };
  }
  const words = files.filter((f) => /^words-[0-9a-f]+\.txt$/.test(f.file)).map((f) => ({ file: f.file, gzip: f.gzip }));
  return { wasmGzip: gzip((f) => f.file.endsWith(".wasm")), firstLoad, words, budgets: BUDGETS };
}

const kb = (n) => (n == null ? "–" : `${(n / 1024).toFixed(1)} KB`);
const ms = (n) => (n == null ? "–" : `${Math.round(n)} ms`);
const ms1 = (n) => (n == null ? "–" : `${n.toFixed(1)} ms`);
const mb = (n) => (n == null ? "–" : `${(n / 1024 / 1024).toFixed(2)} MB`);
const times = (r) => (r == null ? "" : ` (${r.toFixed(2)}×)`);
const ratio = (a, b) => (a != null && b ? a / b : null);

/** The goals Closer is measured against (issues 15 and 28), each checked on a run. */
const GOALS = [
  {
    goal: "first contentful paint ≤ 1.2× the floor's, on the front page and `check-in/`",
    check: (b) => profiles(b).map((p) => [p, ["front", "checkin"].map((k) => ratio(b.load[p]?.[k]?.fcpStats?.median, b.load[p]?.floor?.fcpStats?.median))]),
    within: (r) => r <= 1.2,
  },
  {
    goal: "first answer taken ≤ 2× the floor's first answerable, on `check-in/` and `#/quiz`",
    check: (b) => profiles(b).map((p) => [p, ["checkin", "closer"].map((k) => ratio(b.load[p]?.[k]?.takenStats?.median, b.load[p]?.floor?.median))]),
    within: (r) => r <= 2,
  },
  {
    goal: "first answer taken on `#/quiz` with the offline worker allowed within 10 % of the same with it blocked (its install waits until the person is not answering)",
    check: (b) => profiles(b).map((p) => [p, [ratio(b.load[p]?.closer?.takenStats?.median, b.load[p]?.quizNoWorker?.takenStats?.median)]]),
    within: (r) => r <= 1.1,
  },
  {
    goal: "per answer, Event Timing duration p95 ≤ 16 ms at 1× and ≤ 50 ms at 4×",
    check: (b) => ["1x", "4x"].filter((p) => b.answers?.[p]).map((p) => [p, [b.answers[p].eventTiming?.duration?.p95]]),
    within: (v, p) => v <= (p === "1x" ? 16 : 50),
    unit: "ms",
  },
  {
    goal: "per answer, processing p95 ≤ 3 ms at 1× (the per-answer floor's is shown beside it in the table)",
    check: (b) => (b.answers?.["1x"] ? [["1x", [b.answers["1x"].eventTiming?.processing?.p95]]] : []),
    within: (v) => v <= 3,
    unit: "ms",
  },
  {
    goal: "Lighthouse performance ≥ 95 on every page audited, the start page included",
    check: (b) => (b.lighthouse ? [["", Object.values(b.lighthouse).map((r) => r.performance)]] : []),
    within: (v) => v >= 95,
    unit: "",
  },
  {
    goal: "Lighthouse SEO 100 on every explainer page",
    check: (b) => (b.lighthouse ? [["", Object.entries(b.lighthouse).filter(([n]) => n.startsWith("learn/")).map(([, r]) => r.seo)]] : []),
    within: (v) => v === 100,
    unit: "",
  },
];

/** The load profiles of a run, in its order ("1x", "4x", and any other the bench measured). */
function profiles(b) {
  return Object.keys(b.load ?? {});
}
const profileName = (p) => (/^\d+x$/.test(p) ? `CPU ${p.replace("x", "×")}` : p === "phone" ? "phone: CPU 4×, 150 ms, 1.6 Mbit/s" : p);
/** The bench's phone profile (bench.phone: 4× CPU, Lighthouse's mobile network) in the shape of a load profile. */
function phoneAsLoad(ph) {
  if (!ph) return undefined;
  const kind = (k) => ph[k] && { median: ph[k].readableStats?.median, readyStats: ph[k].readyStats, takenStats: ph[k].takenStats };
  return { checkin: kind("checkin"), closer: kind("closer"), quizNoWorker: kind("quizNoWorker"), floor: kind("floor") };
}

function goalLine({ goal, check, within, unit }, bench) {
  const results = check(bench).filter(([, values]) => values.length);
  const values = results.flatMap(([p, vs]) => vs.map((v) => [p, v]));
  if (!values.length || values.some(([, v]) => v == null)) return `- ${goal}: **not measured** in this run`;
  const met = values.every(([p, v]) => within(v, p));
  const shown = results
    .map(([p, vs]) => {
      const [lo, hi] = [Math.min(...vs), Math.max(...vs)];
      const text = unit === undefined ? vs.map((v) => `${v.toFixed(2)}×`).join(", ") : unit === "ms" ? vs.map(ms1).join(", ") : lo === hi ? `${lo}` : `${lo}–${hi}`;
      return p ? `${profileName(p)} ${text}` : text;
    })
    .join("; ");
  return `- ${goal}: **${met ? "met" : "not met"}** (${shown})`;
}

export function performanceDoc(bench) {
  const env = bench.environment ?? {};
  const out = [];
  const line = (s = "") => out.push(s);
  line("# Performance");
  line();
  line("<!-- Written by `make bench` (scripts/performance-doc.mjs, from bench.json): do not edit by hand. -->");
  line();
  line("What Closer sends, how soon a person can read and answer, how quickly it answers back, and what");
  line("Lighthouse says, from the latest `make bench` run. Load timings move from one run to the next on");
  line("a small machine, the floor's too: compare runs by the ratio to the floor, a static one-button");
  line("page served and loaded the same way in the same run. What was tried and left out,");
  line("with the figures that decided it, is in [decisions.md](decisions.md).");
  line();
  line("## The latest run");
  line();
  if (!bench.date) line("No run recorded yet: `make bench` writes it here.");
  else {
  const load = env.loadAverageAtStart ? `, load average ${env.loadAverageAtStart[0]} at the start${env.loadAverageAtEnd ? ` and ${env.loadAverageAtEnd[0]} at the end` : ""}` : "";
  line(`- date: ${bench.date ?? "–"}`);
  line(`- machine: ${env.cpus ?? "?"} × ${env.cpuModel ?? "?"}${load}`);
  line(`- engine: ${env.chromium ?? "?"} (headless, served with gzip on loopback), Node ${env.node ?? "?"}`);
  line(`- ${bench.settings?.loads ?? "?"} loads of each page for each profile, interleaved with the floor's; medians (p95 where it says)`);
  if (bench.problems?.length) line(`- problems the bench reported: ${bench.problems.join("; ")}`);
  }
  line();

  const ps = profiles(bench);
  const answerProfiles = Object.keys(bench.answers ?? {});
  const columns = [...new Set([...ps, ...answerProfiles, ...(bench.phone ? ["phone"] : [])])];
  const rows = [];
  const row = (name, cell) => rows.push([name, ...columns.map((p) => cell(p) ?? "–")]);
  const L = (p) => (p === "phone" ? phoneAsLoad(bench.phone) : bench.load?.[p]);
  const floorAnswerable = (p) => L(p)?.floor?.median;
  if (ps.length) {
    row("first contentful paint, front page (÷ floor)", (p) => L(p) && ms(L(p).front?.fcpStats?.median) + times(ratio(L(p).front?.fcpStats?.median, L(p).floor?.fcpStats?.median)));
    row("first contentful paint, `check-in/` (÷ floor)", (p) => L(p) && ms(L(p).checkin?.fcpStats?.median) + times(ratio(L(p).checkin?.fcpStats?.median, L(p).floor?.fcpStats?.median)));
    row("first contentful paint, `#/quiz` (÷ floor)", (p) => L(p) && ms(L(p).closer?.fcpStats?.median) + times(ratio(L(p).closer?.fcpStats?.median, L(p).floor?.fcpStats?.median)));
    row("first contentful paint, the floor", (p) => L(p) && ms(L(p).floor?.fcpStats?.median));
    row("first statement answerable, `check-in/` (÷ floor)", (p) => L(p) && ms(L(p).checkin?.median) + times(ratio(L(p).checkin?.median, floorAnswerable(p))));
    row("first statement answerable, `#/quiz` (÷ floor)", (p) => L(p) && ms(L(p).closer?.median) + times(ratio(L(p).closer?.median, floorAnswerable(p))));
    row("the front page's way in (÷ floor)", (p) => L(p) && ms(L(p).front?.median) + times(ratio(L(p).front?.median, floorAnswerable(p))));
    row("the floor answerable", (p) => L(p) && ms(floorAnswerable(p)));
    row("first answer taken, `check-in/` (÷ floor answerable)", (p) => L(p) && ms(L(p).checkin?.takenStats?.median) + times(ratio(L(p).checkin?.takenStats?.median, floorAnswerable(p))));
    row("first answer taken, `#/quiz` (÷ floor answerable)", (p) => L(p) && ms(L(p).closer?.takenStats?.median) + times(ratio(L(p).closer?.takenStats?.median, floorAnswerable(p))));
    row("first answer taken, `#/quiz`, offline worker blocked (÷ floor answerable)", (p) => L(p)?.quizNoWorker && ms(L(p).quizNoWorker.takenStats?.median) + times(ratio(L(p).quizNoWorker.takenStats?.median, floorAnswerable(p))));
    row("app ready, `check-in/` (÷ floor answerable)", (p) => L(p)?.checkin?.readyStats && ms(L(p).checkin.readyStats.median) + times(ratio(L(p).checkin.readyStats.median, floorAnswerable(p))));
    row("app ready, `#/quiz` (÷ floor answerable)", (p) => L(p)?.closer?.readyStats && ms(L(p).closer.readyStats.median) + times(ratio(L(p).closer.readyStats.median, floorAnswerable(p))));
  }
  if (answerProfiles.length) {
    const A = (p) => bench.answers?.[p];
    const F = (p) => bench.answersFloor?.[p];
    row("per answer: click → next statement painted, median / p95", (p) => A(p) && `${ms1(A(p).median)} / ${ms1(A(p).p95)}`);
    row("per answer, Event Timing duration, median / p95", (p) => A(p)?.eventTiming && `${ms1(A(p).eventTiming.duration.median)} / ${ms1(A(p).eventTiming.duration.p95)}`);
    row("per answer, Event Timing processing, median / p95", (p) => A(p)?.eventTiming && `${ms1(A(p).eventTiming.processing.median)} / ${ms1(A(p).eventTiming.processing.p95)}`);
    row("the per-answer floor's processing, median / p95", (p) => F(p)?.eventTiming && `${ms1(F(p).eventTiming.processing.median)} / ${ms1(F(p).eventTiming.processing.p95)}`);
    row("memory after a whole check-in: JS heap + wasm, DOM nodes", (p) => {
      const m = bench.memory?.[p];
      return m && `${mb(m.jsHeapUsed)} + ${mb(m.wasmMemory)}, ${m.domNodes ?? "–"}`;
    });
  }
  if (bench.locked?.derive) row("locking a link: key derivation and encryption, median (longest frame gap)", (p) => bench.locked.derive[p] && `${ms(bench.locked.derive[p].median)} (${ms1(bench.locked.derive[p].longestFrameGap?.max)})`);
  if (rows.length) {
    line(`| measure | ${columns.map(profileName).join(" | ")} |`);
    line(`|---|${columns.map(() => "---|").join("")}`);
    for (const r of rows) line(`| ${r.join(" | ")} |`);
    line();
  }
  if (bench.lighthouse) {
    line("Lighthouse (mobile defaults, simulated throttling): performance / accessibility / best practices / SEO, and the simulated total blocking time.");
    line();
    line("| page | scores | TBT (sim.) |");
    line("|---|---|---|");
    for (const [name, r] of Object.entries(bench.lighthouse)) line(`| ${name} | ${[r.performance, r.accessibility, r.bestPractices, r.seo].map((s) => s ?? "–").join(" / ")} | ${ms(r.metrics?.totalBlockingTime)} |`);
    line();
  }

  line("## Size budgets");
  line();
  line("Checked by `make test` (`scripts/sizes.mjs`) on every build, gzip as servers send it. They are");
  line("tripwires, not targets: they catch an accident, such as a dependency that pulls in 30 KB, and");
  line("leave room for features; bytes are shaved only when a speed goal needs it.");
  line();
  const s = bench.sizes;
  const budgets = s?.budgets ?? BUDGETS;
  line("| part | budget | this build |");
  line("|---|---|---|");
  line(`| wasm | ≤ ${kb(budgets.wasmGzip)} | ${kb(s?.wasmGzip)} |`);
  for (const [language, f] of Object.entries(s?.firstLoad ?? { "each language": null })) line(`| first load, ${language} | ≤ ${kb(budgets.firstLoadGzip)} | ${kb(f?.gzip)} |`);
  if (!s?.words) line(`| each language's words file | ≤ ${kb(budgets.wordsGzip)} | – |`);
  for (const w of s?.words ?? []) line(`| words file \`${w.file}\` | ≤ ${kb(budgets.wordsGzip)} | ${kb(w.gzip)} |`);
  line();
  line("A language's first load is what a first visit fetches when that language is shown: the page,");
  line("its scripts and styles, the wasm, that language's words file (no other), the service worker and");
  line("the manifest. What the worker fetches afterwards to keep for use offline is not counted.");
  line();
  const en = s?.firstLoad?.en;
  if (en) {
    line(`The first load in English, file by file: ${en.files.map((f) => `\`${f.file}\` ${kb(f.gzip)}`).join(", ")}.`);
    line();
  }

  line("## Goals");
  line();
  line("Against the same run:");
  line();
  for (const g of GOALS) line(goalLine(g, bench));
  line();

  line("## How it is measured");
  line();
  line("`make bench` builds release and runs `scripts/bench.mjs` on a copy of `dist/`, served with gzip on");
  line("loopback, in headless Chromium, each load in a fresh browser context:");
  line();
  line("- **From navigation**, for each profile (CPU throttled through the DevTools protocol), Closer's");
  line("  pages interleaved with the floor's: the first contentful paint; the first statement");
  line("  answerable (an enabled answer on `#/quiz` and on the prerendered `check-in/`); the front page's");
  line("  way in; and the first answer taken: a real mouse click at an answer's place as soon as one is");
  line("  there, until the next statement shows, set against the floor's first answerable.");
  line("- **Per answer**, over a whole check-in: click to next statement painted, and the Event Timing");
  line("  API's duration and handler processing, beside the per-answer floor: `check-in/`'s own markup");
  line("  moved on by a few lines of plain DOM code making the change the app makes.");
  line("- **Memory** after a whole check-in (after a forced garbage collection).");
  line("- **Locked links**: deriving the key and encrypting in WebCrypto, and the longest gap between");
  line("  painted frames meanwhile.");
  line("- **Lighthouse** on the start page, `es/`, `check-in/`, every explainer page at its real path, the");
  line("  contents, and the results (storage seeded from a finished check-in).");
  line("- **Sizes** of the build the bench served, against the budgets (as `make test` checks them).");
  line();
  line("Everything is also in `bench.json` (samples included). `BENCH_LOADS`, `BENCH_SKIP` and");
  line("`BENCH_BASELINE` are described at the top of `scripts/bench.mjs`.");
  line();
  return out.join("\n");
}

export function writePerformanceDoc(bench, to = join(import.meta.dirname, "../docs/performance.md")) {
  writeFileSync(to, performanceDoc(bench));
  return to;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const from = process.argv[2] ?? "bench.json";
  if (!existsSync(from)) {
    console.error(`performance-doc: no ${from}: run make bench first`);
    process.exit(1);
  }
  console.log(`performance-doc: wrote ${writePerformanceDoc(JSON.parse(readFileSync(from, "utf8")), process.argv[3])}`);
}
