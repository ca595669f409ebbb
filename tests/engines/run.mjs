// The cross-engine end-to-end suite: Closer's release build (dist/) in WebKitGTK (Safari's
// engine), Firefox ESR and Chromium, each through its own WebDriver server, as a person uses it.
//
//   node tests/engines/run.mjs                      every engine, every scenario
//   ENGINES=webkit node tests/engines/run.mjs       one engine
//   ONLY=pointer node tests/engines/run.mjs         scenarios whose name contains "pointer"
//
// Each scenario gets a new browser session (a fresh profile, so storage of its own). A failed
// scenario prints why and the run exits non-zero.
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync, existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir, homedir } from "node:os";
import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { startServer } from "../../scripts/serve.mjs";
import { startDriver } from "./drivers.mjs";
import { Session, KEY, waitFor, WebDriverError } from "./webdriver.mjs";

const root = join(import.meta.dirname, "../..");
const ports = { app: 4273, host: 4274, hugo: 4275, jekyll: 4276, driver: { webkit: 4444, firefox: 4445, chromium: 4446 } };
const APP = `http://127.0.0.1:${ports.app}/`;
const EMBEDDED_APP = `http://127.0.0.1:${ports.app}/a/b/closer/`;
// The app again, at a prefix where a scenario may hold back the wasm (see withWasmHeld).
const HELD = "/held/";
const HELD_APP = `http://127.0.0.1:${ports.app}${HELD}`;
// The blog lives on another origin than the app (another site, even: localhost vs 127.0.0.1).
const HOST = `http://localhost:${ports.host}`;
const LABELS = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"];

// ---------------------------------------------------------------- helpers on a session

/** The element matching `css` whose text is exactly `text` (null if none). */
function byText(s, css, text) {
  return s.exec((css, text) => [...document.querySelectorAll(css)].find((e) => e.textContent.trim() === text) ?? null, css, text);
}

async function clickText(s, css, text) {
  const el = await waitFor(() => byText(s, css, text), `a ${css} that says "${text}"`);
  await s.click(el);
}

const textOf = (s, css) => s.exec((css) => document.querySelector(css)?.textContent.trim() ?? null, css);
const h1 = (s) => textOf(s, "main h1");

async function waitText(s, css, want, what) {
  await waitFor(async () => (await textOf(s, css)) === want, async () => `${what ?? css} to say "${want}", it says "${await textOf(s, css)}"`);
}

/** Goes to `hash` in the app on screen and waits for its heading. The app listens to the address
 *  once its first page is drawn; should the change come before that, it is made again. */
async function goTo(s, hash, heading) {
  let tries = 0;
  await waitFor(async () => {
    if ((await h1(s)) === heading) return true;
    if (tries++ % 10 === 0) await s.exec((hash) => (location.hash = location.hash === hash ? "#/" : hash), hash);
    return false;
  }, async () => `${hash} to show "${heading}", it shows "${await h1(s)}"`);
}

async function ready(s) {
  // The front page is prerendered: the app has started once it has taken the page over (the
  // start-up script then drops `data-prerendered`).
  await waitFor(() => s.exec(() => !!document.querySelector("main h1") && !document.querySelector("body[data-prerendered]")), "the app to start");
}

/** Runs `fn(release)` with the wasm of the app at HELD_APP held back (its server runs in this
 *  process): a page opened there stays as prerendered until `fn` calls `release`, or until `fn`
 *  ends, whatever happened, so the server never keeps a request waiting. */
async function withWasmHeld(fn) {
  const release = servers[0].holdWasm(HELD);
  try {
    return await fn(release);
  } finally {
    release();
  }
}

/** Opens `url` (a check-in/ with the wasm held back) and waits for the prerendered first
 *  statement, the app not yet there. Returns the number of statements. */
async function prerenderedFirstStatement(s, url) {
  await s.get(url);
  await waitFor(
    async () => (await progress(s))?.[0] === 1 && (await s.exec(() => !!document.querySelector("body[data-prerendered] fieldset[data-kind=statement] input"))),
    "the prerendered first statement",
  );
  return (await progress(s))[1];
}

const stillPrerendered = (s) => s.exec(() => !!document.querySelector("body[data-prerendered]"));

async function progress(s) {
  const m = ((await textOf(s, ".progress-text")) ?? "").match(/(\d+) of (\d+)/);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const checkedIndex = (s, kind) =>
  s.exec((kind) => [...document.querySelectorAll(`fieldset[data-kind=${kind}] input`)].findIndex((i) => i.checked), kind);

/** Answers every statement by clicking an answer's label, as with a mouse or a finger: each click
 *  must move on by itself, without Next. */
async function answerAllByPointer(s) {
  await waitFor(() => progress(s), "the first statement");
  const [, total] = await progress(s);
  for (let n = 1; n <= total; n++) {
    await waitText(s, ".progress-text", `${n} of ${total}`, "the progress");
    const label = await byText(s, "fieldset[data-kind=statement] label .option-label", LABELS[n % 5]);
    await s.click(label);
    if (n < total) {
      await waitFor(
        async () => (await progress(s))?.[0] === n + 1,
        async () => `a click on "${LABELS[n % 5]}" to move on from statement ${n} (the page shows ${(await progress(s))?.[0]} of ${total}; chosen: ${await checkedIndex(s, "statement")})`,
        5_000,
      );
    }
  }
  await waitFor(async () => (await h1(s)) === "Before your results", "the review after the last click");
  return total;
}

/** Answers every statement with the number key `key` (which chooses and moves on). */
async function answerAllByKey(s, key) {
  const [, total] = await waitFor(() => progress(s), "the first statement");
  for (let n = 1; n <= total; n++) {
    await waitFor(async () => (await progress(s))?.[0] === n, `statement ${n}`);
    await s.keys(key);
  }
}

/** From the review: rate every area with a click, then see the results. */
/** Where storage is blocked: the notice says progress is not kept, and a whole check-in by
 *  clicks still reaches the results with all eight areas. */
async function checkInNotKept(s) {
  await waitFor(async () => ((await textOf(s, "[data-testid=not-kept]")) ?? "").includes("not letting Closer save"), "the notice that progress is not kept");
  await clickText(s, "main button", "Start the check-in");
  await answerAllByPointer(s);
  await rateAndFinish(s);
  const n = await dimensions(s);
  if (n !== 8) throw new Error(`results show ${n} areas`);
}

/** A whole check-in by keys, "Disagree" throughout: nothing in the safety questions, so the
 *  partner link is offered at once (with the safety response on, it waits behind a caution). */
async function finishWithoutSafetyAnswers(s) {
  await s.get(APP);
  await ready(s);
  await clickText(s, "main button", "Start the check-in");
  await answerAllByKey(s, "2");
  await waitFor(async () => (await h1(s)) === "Before your results", "the review");
  await rateAndFinish(s, 4);
}

async function rateAndFinish(s, rating = 3) {
  await clickText(s, "main a", "Continue");
  await waitFor(async () => (await h1(s)) === "What matters to you?", "the importance page");
  const groups = await s.exec(() => document.querySelectorAll("fieldset[data-kind=importance]").length);
  for (let g = 0; g < groups; g++) {
    const label = await s.exec((g, r) => document.querySelectorAll("fieldset[data-kind=importance]")[g].querySelectorAll("label")[r], g, rating);
    await s.click(label);
  }
  await waitFor(() => s.exec(() => document.querySelectorAll("fieldset[data-kind=importance] input:checked").length === 8), "all eight areas rated");
  await clickText(s, "main button", "See my results");
  await waitFor(async () => (await h1(s)) === "Your results" || (await h1(s)) === "Compare results", "the results");
}

async function dimensions(s) {
  return s.exec(() => document.querySelectorAll("main [data-dimension]").length);
}

/** The iframe's height on the host page, and the height of the app's content inside it. */
async function heights(s, frame) {
  const outer = await s.exec((f) => f.getBoundingClientRect().height, s.elementRef(frame));
  await s.frame(frame);
  const inner = await s.exec(() => Math.ceil(document.body.getBoundingClientRect().height));
  await s.frame(null);
  return { outer, inner };
}

/** Waits until the frame is as tall as its content (±1 px), and returns that height. */
async function frameFits(s, frame, what) {
  const h = await waitFor(async () => {
    const h = await heights(s, frame);
    return Math.abs(h.outer - h.inner) <= 1 && h.inner > 0 ? h : null;
  }, async () => `the frame to take its content's height ${what} (${JSON.stringify(await heights(s, frame))})`);
  return h.outer;
}

/** A host page: the embed, then the app grows on a long page and shrinks on a short one. */
async function embedResizes(s, url) {
  await s.get(url);
  const frame = await waitFor(() => s.exec(() => document.querySelector("iframe")), "the embed to add its iframe");
  const src = await s.exec((f) => f.src, s.elementRef(frame));
  if (src !== `${EMBEDDED_APP}?embed=1`) throw new Error(`iframe src is ${src}`);
  await s.frame(frame);
  await waitText(s, "main h1", "How close do you feel?", "the embedded app's heading");
  if (await s.exec(() => !!document.querySelector(".site-header, .site-footer"))) throw new Error("embed mode shows the site's header or footer");
  await s.frame(null);
  const start = await frameFits(s, frame, "on the start page");
  // A long page: the frame grows to fit it.
  await s.frame(frame);
  await goTo(s, "#/learn/what-is-emotional-intimacy", "What emotional intimacy is");
  await s.frame(null);
  const long = await waitFor(async () => {
    const h = await frameFits(s, frame, "on a long page");
    return h > start * 1.5 ? h : null;
  }, "the frame to grow on a long page");
  // A short page: it shrinks again.
  await s.frame(frame);
  await goTo(s, "#/nowhere", "Page not found");
  await s.frame(null);
  const short = await waitFor(async () => {
    const h = await frameFits(s, frame, "on a short page");
    return h < long / 2 ? h : null;
  }, "the frame to shrink on a short page");
  return { start, long, short };
}

/** What this browser says of its storage (`navigator.storage.persisted()`; none: not kept). */
const browserKeeps = (s) =>
  s.execAsync((done) => (navigator.storage?.persisted ? navigator.storage.persisted().then(done, () => done(false)) : done(false)));

/** After a finished check-in: "Your data" says what the browser says of its storage, and when it
 *  may be cleared, the history says so and points to an export. Returns whether it is kept. */
async function storageKept(s) {
  // Asking to keep it (on finishing) may take a moment to be answered.
  const browser = await browserKeeps(s);
  await goTo(s, "#/data", "Your data");
  const shown = await waitFor(() => s.exec(() => document.querySelector("[data-testid=storage-kept]")?.dataset.persistent ?? null), "the data page to say how long data is kept");
  if (shown !== String(browser)) throw new Error(`Your data says persistent=${shown}, the browser says ${browser}`);
  await goTo(s, "#/history", "Your history");
  const warning = await s.exec(() => {
    const p = document.querySelector("[data-testid=may-clear]");
    return p ? { text: p.textContent, link: p.querySelector("a")?.getAttribute("href") } : null;
  });
  if (browser && warning) throw new Error(`the history warns of clearing although storage is persistent: ${warning.text}`);
  if (!browser && !(warning && /7 days/.test(warning.text) && warning.link === "#/data")) throw new Error(`the history does not say this browser may clear it: ${JSON.stringify(warning)}`);
  return browser;
}

// ---------------------------------------------------------------- host pages

const embedLines = `<div data-closer></div>\n<script src="${EMBEDDED_APP}embed.js" async></script>`;
const hostPage = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><h1>${title}</h1><p>Words before.</p>${body}<p>Words after.</p></body></html>`;
// The no-script fallback as the README gives it, for hosts that strip scripts.
const fallback = readFileSync(join(root, "embed/fallback.html"), "utf8").replace("https://closer.example.org/", EMBEDDED_APP);
if (!readFileSync(join(root, "README.md"), "utf8").includes(fallback.replace(EMBEDDED_APP, "https://closer.example.org/").trim())) {
  throw new Error("README.md does not show embed/fallback.html as it is");
}
const HOST_PAGES = {
  "/post.html": hostPage("A post with Closer", embedLines),
  "/sandboxed.html": hostPage("Sandboxed", `<iframe sandbox="allow-scripts allow-popups" src="${EMBEDDED_APP}?embed=1" title="Closer" style="width:100%;height:900px;border:0"></iframe>`),
  "/fallback.html": hostPage("No scripts allowed here", fallback),
};

/** Builds a small Hugo site whose post uses the shortcode in embed/hugo, and one whose post has
 *  the two lines pasted as raw HTML. Returns the folder of the built site. */
function buildHugoSite() {
  const dir = mkdtempSync(join(tmpdir(), "closer-hugo-"));
  const put = (path, text) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put("hugo.toml", `baseURL = "http://127.0.0.1:${ports.hugo}/"\ntitle = "A blog"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n`);
  put("layouts/_default/baseof.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>`);
  put("layouts/_default/single.html", `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`);
  put("layouts/_default/list.html", `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`);
  put("layouts/shortcodes/closer.html", readFileSync(join(root, "embed/hugo/layouts/shortcodes/closer.html"), "utf8"));
  put("content/posts/with-shortcode.md", `---\ntitle: "Closer, with the shortcode"\n---\n\nHow close do we feel?\n\n{{< closer src="${EMBEDDED_APP}embed.js" >}}\n\nWords after.\n`);
  put("content/posts/pasted.md", `---\ntitle: "Closer, pasted"\n---\n\nHow close do we feel?\n\n${embedLines}\n\nWords after.\n`);
  const out = execFileSync("hugo", ["--source", dir, "--destination", join(dir, "public"), "--quiet"], { encoding: "utf8" });
  if (out.trim()) console.log(out.trim());
  return join(dir, "public");
}

/** Builds a small Jekyll site whose post uses the include in embed/jekyll, and one whose post
 *  has the two lines pasted as they are (kramdown keeps raw HTML). Returns the built site. */
function buildJekyllSite() {
  const dir = mkdtempSync(join(tmpdir(), "closer-jekyll-"));
  const put = (path, text) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put("_config.yml", `title: A blog\npermalink: /:title/\nmarkdown: kramdown\n`);
  put("_layouts/default.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{{ page.title }}</title></head><body><h1>{{ page.title }}</h1>{{ content }}</body></html>`);
  put("_includes/closer.html", readFileSync(join(root, "embed/jekyll/_includes/closer.html"), "utf8"));
  put("_posts/2026-01-01-with-include.md", `---\nlayout: default\ntitle: "Closer, with the include"\n---\n\nHow close do we feel?\n\n{% include closer.html src="${EMBEDDED_APP}embed.js" %}\n\nWords after.\n`);
  put("_posts/2026-01-02-pasted.md", `---\nlayout: default\ntitle: "Closer, pasted"\n---\n\nHow close do we feel?\n\n${embedLines}\n\nWords after.\n`);
  execFileSync("jekyll", ["build", "--source", dir, "--destination", join(dir, "_site"), "--quiet"], { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
  return join(dir, "_site");
}

// ---------------------------------------------------------------- the plan's calendar file

// Where Firefox and Chromium save a real download: a folder per engine, set in their preferences.
// WebKitGTK's MiniBrowser has no such setting under WebDriver and saves to the home folder.
const downloads = mkdtempSync(join(tmpdir(), "closer-downloads-"));
const downloadDir = (engine) => {
  const dir = join(downloads, engine);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** Wraps `URL.createObjectURL` and `HTMLAnchorElement.prototype.click` in the page so the file the
 *  app offers is kept in `window.__files` (its type, name and text) as well as downloaded. */
const catchFiles = (s) =>
  s.exec(() => {
    window.__files = [];
    const blobs = new Map();
    const make = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = make.call(URL, blob);
      if (blob instanceof Blob) blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (blob && this.download) blob.text().then((text) => window.__files.push({ name: this.download, type: blob.type, text }));
      return click.call(this);
    };
  });

/** The events of an .ics text, parsed by ical.js: summary, start ([y, m, d, h, min]), the rule
 *  and the URL. Throws on anything ical.js cannot read. */
function calendarEvents(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const d = e.startDate;
    return { summary: e.summary, start: [d.year, d.month, d.day, d.hour, d.minute], rule: v.getFirstPropertyValue("rrule")?.toString() ?? null, url: v.getFirstPropertyValue("url") };
  });
}

// ---------------------------------------------------------------- scenarios

const scenarios = [
  {
    name: "pointer: the whole check-in by clicks; each click on an answer moves on",
    async run(s) {
      await s.get(APP);
      await ready(s);
      await clickText(s, "main button", "Start the check-in");
      const total = await answerAllByPointer(s);
      await rateAndFinish(s);
      const n = await dimensions(s);
      if (n !== 8) throw new Error(`results show ${n} areas`);
      const kept = await storageKept(s);
      return `${total} statements, one click each; storage ${kept ? "persistent" : "may be cleared"}`;
    },
  },
  {
    name: "persistent storage: asked for on finishing; once granted, Your data says it is kept",
    engines: ["firefox"],
    // Firefox asks the person; its testing preference answers yes instead.
    prefs: { "dom.storageManager.prompt.testing": true, "dom.storageManager.prompt.testing.allow": true },
    async run(s) {
      await s.get(APP);
      await ready(s);
      if (await browserKeeps(s)) throw new Error("storage is persistent before anything was asked");
      await clickText(s, "main button", "Start the check-in");
      await answerAllByKey(s, "4");
      await waitFor(async () => (await h1(s)) === "Before your results", "the review");
      await rateAndFinish(s);
      await waitFor(() => browserKeeps(s), "the browser to keep storage after the check-in was finished");
      // The app learns it at start: after a reload, the page says so.
      await s.refresh();
      await ready(s);
      if (!(await storageKept(s))) throw new Error("storage not kept");
      return "granted, and shown";
    },
  },
  {
    name: "keyboard: arrow keys and space choose without moving on; Enter and 1–5 move on",
    async run(s) {
      await s.get(APP);
      await ready(s);
      const start = await byText(s, "main button", "Start the check-in");
      await s.sendKeys(start, KEY.Enter);
      await waitFor(async () => (await progress(s))?.[0] === 1, "the first statement");
      const [, total] = await progress(s);
      // The first answer has the focus.
      await waitFor(() => s.exec(() => document.activeElement?.matches("fieldset[data-kind=statement] input") ?? false), "focus on the first answer");
      await s.keys(KEY.ArrowDown, KEY.ArrowDown);
      await waitFor(async () => (await checkedIndex(s, "statement")) === 2, "two arrow presses to choose the third answer");
      if ((await progress(s))[0] !== 1) throw new Error("an arrow key moved on");
      await s.keys(KEY.Enter);
      await waitText(s, ".progress-text", `2 of ${total}`);
      // The space bar on an answer chooses it and stays.
      const fourth = (await s.findAll("fieldset[data-kind=statement] input"))[3];
      await s.sendKeys(fourth, KEY.Space);
      await waitFor(async () => (await checkedIndex(s, "statement")) === 3, "space to choose the fourth answer");
      if ((await progress(s))[0] !== 2) throw new Error("the space bar moved on");
      await s.keys(KEY.Enter);
      for (let n = 3; n <= total; n++) {
        await waitText(s, ".progress-text", `${n} of ${total}`);
        await s.keys(String(1 + (n % 5)));
      }
      await waitFor(async () => (await h1(s)) === "Before your results", "the review after the last key");
      const go = await byText(s, "main a", "Continue");
      await s.sendKeys(go, KEY.Enter);
      await waitFor(async () => (await h1(s)) === "What matters to you?", "the importance page");
      for (const first of await s.exec(() => [...document.querySelectorAll("fieldset[data-kind=importance]")].map((f) => f.querySelector("input")))) {
        await s.sendKeys(first, KEY.ArrowDown);
      }
      await waitFor(() => s.exec(() => document.querySelectorAll("fieldset[data-kind=importance] input:checked").length === 8), "every area rated by keyboard");
      await s.sendKeys(await byText(s, "main button", "See my results"), KEY.Enter);
      await waitFor(async () => (await h1(s)) === "Your results", "the results");
      return `${total} statements by keys`;
    },
  },
  {
    name: "keyboard: the focus stays on the page when what it was on goes away: a question before deleting (on its safe answer when it opens, back on the button after keeping, on the heading after deleting; History, Your data), the QR code's button, a notice dismissed",
    async run(s) {
      const focused = () => s.exec(() => `${document.activeElement?.tagName.toLowerCase()} "${document.activeElement?.textContent.trim().slice(0, 60)}"`);
      const focusMovesTo = (want, after) => waitFor(async () => (await focused()) === want, async () => `the focus after ${after} to be on ${want}, it is on ${await focused()}`);
      const press = async (css, text, want, after) => {
        await s.exec((e) => e.focus(), s.elementRef(await waitFor(() => byText(s, css, text), `a ${css} that says "${text}"`)));
        await s.keys(KEY.Enter);
        await focusMovesTo(want, after);
      };
      await finishWithoutSafetyAnswers(s);
      // On the results: the code is shown below, and the button keeps the focus.
      await press("main button", "Show a QR code", `button "Show a QR code"`, "showing the QR code");
      await waitFor(() => s.exec(() => !!document.querySelector("[data-testid=qr] svg")), "the QR code");
      await focusMovesTo(`button "Show a QR code"`, "the QR code was drawn");
      await goTo(s, "#/history", "Your history");
      await press(".history-row button", "Delete", `button "Keep it"`, "asking to delete a check-in");
      await s.keys(KEY.Enter);
      await focusMovesTo(`button "Delete"`, "keeping it");
      await s.keys(KEY.Enter);
      await focusMovesTo(`button "Keep it"`, "asking again");
      await press(".history-row button", "Yes, delete it", `h1 "Your history"`, "deleting it");
      await goTo(s, "#/data", "Your data");
      await press("main button", "Delete everything", `button "Cancel"`, "asking to delete everything");
      await s.keys(KEY.Enter);
      await focusMovesTo(`button "Delete everything"`, "cancelling");
      await s.keys(KEY.Enter);
      await press("main button", "Yes, delete everything", `h1 "Your data"`, "deleting everything");
      // The notice that says so, dismissed: the page's heading.
      await press(".notice-dismiss", "Dismiss", `h1 "Your data"`, "dismissing the notice");
      if (await s.exec(() => document.querySelectorAll(".notice").length)) throw new Error("the notice is still there");
      return "the focus followed each question, the QR code's button and the notice";
    },
  },
  {
    name: "check-in/: the first statement at its own address, which moves to the app's at once; the app takes over there and a click moves on",
    async run(s) {
      await s.get(`${APP}check-in/`);
      await waitFor(() => s.exec(() => location.href.endsWith("/#/quiz") && new URL(".", document.baseURI).href === location.href.replace(/#.*$/, "") && !document.querySelector("base")), "the address and base to be the app's");
      await ready(s);
      const [n, total] = await progress(s);
      if (n !== 1) throw new Error(`the app shows statement ${n}, not the first`);
      await s.click(await byText(s, "fieldset[data-kind=statement] label .option-label", LABELS[3]));
      await waitText(s, ".progress-text", `2 of ${total}`);
      return "address moved, answered";
    },
  },
  {
    name: "before the app is ready: what a person did on the prerendered page is kept when the app takes over: the front page's start button keeps the focus the keyboard gave it; on check-in/ an answer chosen by the space key stays chosen, with the focus on it, the focus Tab moved on to Skip stays there, and an answer clicked moves on",
    async run(s, newSession) {
      const notes = [];
      // The front page: Tab, as a keyboard user would, to the start button. (Here only the
      // start-up script keeps the focus: on check-in/ the app's start focuses the chosen answer.)
      await withWasmHeld(async (release) => {
        await s.get(HELD_APP);
        await waitFor(() => s.exec(() => !!document.querySelector("body[data-prerendered] main h1")), "the prerendered front page");
        const onStart = () => s.exec(() => document.activeElement?.matches("main button") && document.activeElement.textContent.trim() === "Start the check-in");
        for (let tabs = 1; !(await onStart()); tabs++) {
          if (tabs > 30) throw new Error("30 presses of Tab never reached the start button");
          await s.keys(KEY.Tab);
        }
        await s.exec(() => (document.activeElement.prerendered = true));
        if (!(await stillPrerendered(s))) throw new Error("the app took over before the wasm was let through");
        release();
        await ready(s);
        const focus = await waitFor(
          () => s.exec(() => {
            const active = document.activeElement;
            return active?.isConnected && active.matches("main button") && active.textContent.trim() === "Start the check-in" ? { prerendered: active.prerendered === true } : null;
          }),
          () => s.exec(() => `the focus to be on the app's start button, it is on ${document.activeElement?.outerHTML.slice(0, 80)}`),
        );
        // The app's live button: Enter at the focus starts the check-in.
        await s.keys(KEY.Enter);
        await waitFor(async () => (await progress(s))?.[0] === 1, "Enter at the focus to start the check-in");
        // The app mounts afresh over the prerendered markup: the focus is on its own button.
        if (focus.prerendered) throw new Error("the focus is still on the prerendered start button: the app did not take over");
        notes.push("front page: focus on the app's own start button, Enter starts");
      });
      await s.quit();

      // check-in/ by keyboard, in a fresh profile: the space key on the third answer (sending
      // keys to it focuses it first) chooses it and stays.
      const k = await newSession();
      await withWasmHeld(async (release) => {
        const total = await prerenderedFirstStatement(k, `${HELD_APP}check-in/`);
        const third = (await k.findAll("fieldset[data-kind=statement] input"))[2];
        await k.sendKeys(third, KEY.Space);
        await waitFor(async () => (await checkedIndex(k, "statement")) === 2, "space to choose the third answer on the prerendered page");
        if (!(await k.exec((e) => document.activeElement === e, k.elementRef(third)))) throw new Error("the third answer does not have the focus before the app is ready");
        if ((await progress(k))[0] !== 1) throw new Error("the space bar moved on");
        if (!(await stillPrerendered(k))) throw new Error("the app took over before the wasm was let through");
        release();
        await ready(k);
        // The app has the answer (Next, where an unanswered statement offers Skip), and stays.
        await waitFor(
          async () => (await checkedIndex(k, "statement")) === 2 && (await byText(k, ".quiz-actions button", "Next")),
          async () => `the app to have the third answer chosen (chosen: ${await checkedIndex(k, "statement")}; ${await textOf(k, ".progress-text")})`,
        );
        const at = await progress(k);
        if (at[0] !== 1 || at[1] !== total) throw new Error(`the app shows ${at.join(" of ")}, not 1 of ${total}: the key's choice moved on`);
        const focus = await k.exec(() => {
          const active = document.activeElement;
          return { on: active === document.querySelectorAll("fieldset[data-kind=statement] input")[2], connected: active?.isConnected ?? false, active: active ? `${active.tagName} #${active.id}` : null };
        });
        if (!focus.on || !focus.connected) throw new Error(`the focus is not on the app's third answer: ${JSON.stringify(focus)}`);
        notes.push(`check-in/ by key: 1 of ${total}, the third chosen, the focus on it`);
      });
      await k.quit();

      // check-in/ with the focus moved on by the keyboard, in a fresh profile: Tab from the first
      // answer leaves the group for the Skip button. The app's start must leave the focus there,
      // not take it back to the statement.
      const t = await newSession();
      await withWasmHeld(async (release) => {
        await prerenderedFirstStatement(t, `${HELD_APP}check-in/`);
        await t.sendKeys((await t.findAll("fieldset[data-kind=statement] input"))[0], KEY.Tab);
        const onSkip = () => t.exec(() => document.activeElement?.matches(".quiz-actions button") && document.activeElement.textContent.trim() === "Skip");
        await waitFor(onSkip, "Tab from the first answer to the Skip button on the prerendered page");
        if (!(await stillPrerendered(t))) throw new Error("the app took over before the wasm was let through");
        release();
        await ready(t);
        if (!(await t.exec(() => document.activeElement?.isConnected)) || !(await onSkip()))
          throw new Error(`the focus left the Skip button when the app took over: it is on ${await t.exec(() => document.activeElement?.outerHTML.slice(0, 80))}`);
        notes.push("check-in/ by Tab: the focus stays on Skip");
      });
      await t.quit();

      // check-in/ by pointer, in a fresh profile: a click on the fourth answer's label.
      const p = await newSession();
      await withWasmHeld(async (release) => {
        const total = await prerenderedFirstStatement(p, `${HELD_APP}check-in/`);
        await p.click(await byText(p, "fieldset[data-kind=statement] label .option-label", LABELS[3]));
        await waitFor(async () => (await checkedIndex(p, "statement")) === 3, "a click to choose the fourth answer on the prerendered page");
        if (!(await stillPrerendered(p))) throw new Error("the app took over before the wasm was let through");
        release();
        await waitText(p, ".progress-text", `2 of ${total}`, "the progress once the app has the click");
        await ready(p);
        await clickText(p, "main button", "Back");
        await waitText(p, ".progress-text", `1 of ${total}`);
        const chosen = await checkedIndex(p, "statement");
        if (chosen !== 3) throw new Error(`statement 1 shows answer ${chosen}, not the one clicked (3)`);
        notes.push(`by click: on to 2 of ${total}, the fourth kept`);
      });
      return notes.join("; ");
    },
  },
  {
    name: "es/: the front page in Spanish at its own address, which moves to the app's with ?hl=es; the app takes over in Spanish and its start button works",
    async run(s) {
      await s.get(`${APP}es/`);
      await waitFor(() => s.exec(() => location.href.endsWith("/?hl=es#/") && document.documentElement.lang === "es" && !document.querySelector("base")), "the address to be the app's, in Spanish");
      await ready(s);
      await clickText(s, "main button", "Empezar el cuestionario");
      await waitFor(async () => /^1 de \d+$/.test((await textOf(s, ".progress-text")) ?? ""), "the first statement, in Spanish");
      return "address moved, started in Spanish";
    },
  },
  {
    name: "reload and resume: answers kept across a reload, and the check-in goes on where it was",
    async run(s) {
      await s.get(APP);
      await ready(s);
      await clickText(s, "main button", "Start the check-in");
      await waitFor(() => progress(s), "the first statement");
      const [, total] = await progress(s);
      for (let n = 1; n <= 5; n++) {
        await waitFor(async () => (await progress(s))?.[0] === n, `statement ${n}`);
        await s.keys(String(1 + (n % 5)));
      }
      await waitFor(async () => (await progress(s))?.[0] === 6, "statement 6");
      // A reload shows the same statement; the answers before it are kept.
      await s.refresh();
      await ready(s);
      await waitText(s, ".progress-text", `6 of ${total}`, "the progress after a reload");
      await clickText(s, "main button", "Back");
      await waitText(s, ".progress-text", `5 of ${total}`);
      const chosen = await checkedIndex(s, "statement");
      if (chosen !== 0) throw new Error(`statement 5 shows answer ${chosen} after the reload, not the one given (0)`);
      // Coming back to the start page: it offers to go on.
      await s.get(APP);
      await ready(s);
      await clickText(s, "main button", `Continue where you left off (5 of ${total})`);
      await waitText(s, ".progress-text", `6 of ${total}`);
      return "5 answers kept";
    },
  },
  {
    name: "quick exit: Shift pressed three times on the check-in leaves for the neutral page in place of Closer's; Back sends the person on there again",
    async run(s) {
      // The neutral page is on the internet, closed here: its load fails, but its address is the
      // browser's, which is what the person and their history see.
      const to = JSON.parse(readFileSync(join(root, "content/en/ui.toml"), "utf8").match(/^exit_to = (".*")$/m)[1]);
      const atNeutral = async () => (await s.url()).startsWith(to);
      await s.get(APP);
      await ready(s);
      await s.get(`${APP}#/quiz`);
      await waitFor(() => progress(s), "the first statement");
      // Capitals typed (Shift, then a letter) do not count; three presses of Shift alone do.
      await s.keys(KEY.Shift, "a", KEY.Shift, KEY.Shift);
      if (await atNeutral()) throw new Error("left after Shift, a letter, Shift, Shift");
      await s.keys(KEY.Shift);
      await waitFor(atNeutral, "the neutral page after Shift pressed three times");
      await s.back();
      await waitFor(atNeutral, async () => `the neutral page again after Back (at ${await s.url()})`);
      return "left by Shift ×3; Back went on to the neutral page";
    },
  },
  {
    name: "storage blocked by the browser's settings: the check-in runs by clicks and says progress is not kept",
    // What a person can turn off: WebKit's local storage setting, Firefox's and Chromium's cookies.
    capabilities: {
      webkit: (c) => c["webkitgtk:browserOptions"].args.push("--enable-html5-local-storage=false"),
      firefox: (c) => (c["moz:firefoxOptions"].prefs["network.cookie.cookieBehavior"] = 2),
      chromium: (c) => (c["goog:chromeOptions"].prefs = { "profile.default_content_setting_values.cookies": 2 }),
    },
    async run(s) {
      await s.get(APP);
      await ready(s);
      await checkInNotKept(s);
      return "check-in done in memory";
    },
  },
  {
    name: "storage blocked in a sandboxed frame: the check-in runs by clicks and says progress is not kept",
    // Not WebKit: in a frame without an origin of its own, WebKit matches the page's CSP 'self'
    // against nothing, so not even the start-up script may load (see README, "Deploy", "Sandboxed frames").
    engines: ["firefox", "chromium"],
    async run(s) {
      await s.get(`${HOST}/sandboxed.html`);
      const frame = await waitFor(() => s.exec(() => document.querySelector("iframe")), "the iframe");
      await s.frame(frame);
      await ready(s);
      await checkInNotKept(s);
      await s.frame(null);
      return "check-in done in memory";
    },
  },
  {
    name: "two people compare through a link, each in a browser profile of their own",
    async run(s, newSession) {
      await finishWithoutSafetyAnswers(s);
      const name = await s.find("#invite-name");
      await s.sendKeys(name, "Alex");
      await clickText(s, "main button", "Copy link");
      await waitFor(async () => /Link copied\.|The link is selected/.test((await textOf(s, ".copy-status")) ?? ""), "the copy status");
      const link = await s.exec(() => document.querySelector("#invite-link").value);
      if (!link.startsWith(`${APP}#/compare/`)) throw new Error(`link is ${link}`);
      await s.quit();

      const sam = await newSession();
      await sam.get(link);
      await ready(sam);
      await waitText(sam, "[data-testid=invited-by]", "Alex invited you to compare results.");
      await clickText(sam, "main button", "Start my check-in");
      await answerAllByPointer(sam);
      await rateAndFinish(sam, 2);
      await waitFor(async () => (await h1(sam)) === "Compare results", "the comparison");
      await waitFor(() => sam.exec(() => document.querySelectorAll(".compare-chart [data-dimension]").length === 8), "eight areas compared");
      const label = await sam.exec(() => document.querySelector(".compare-chart").getAttribute("aria-label"));
      if (!/you and Alex/.test(label)) throw new Error(`chart label: ${label}`);
      return `link of ${link.length - APP.length} characters`;
    },
  },
  {
    name: "a locked link: made with a passphrase in this engine's WebCrypto, refused with a wrong one, opened with the right one",
    async run(s, newSession) {
      await finishWithoutSafetyAnswers(s);
      await s.sendKeys(await s.find("#invite-name"), "Alex");
      await s.exec(() => document.querySelector("#invite-lock").click());
      await s.sendKeys(await s.find("#passphrase"), "blue kettle at noon");
      let started = Date.now();
      await clickText(s, "main button", "Lock the link");
      const link = await waitFor(() => s.exec(() => document.querySelector("#invite-link")?.value || null), "the locked link");
      const lockMs = Date.now() - started;
      // The form is gone: the focus is on the locked link it made.
      await waitFor(() => s.exec(() => document.activeElement?.id === "invite-link"), async () => `the focus on the locked link, it is on ${await s.exec(() => document.activeElement?.outerHTML.slice(0, 60))}`);
      // Format 2 in the first byte: "A" then one of g–v in base64url.
      if (!new RegExp(`^${APP.replace(/[.?]/g, "\\$&")}#/compare/A[g-v][A-Za-z0-9_-]{90,}$`).test(link)) throw new Error(`locked link is ${link}`);
      await s.quit();

      const sam = await newSession();
      await sam.get(link);
      await ready(sam);
      await waitFor(async () => (await h1(sam)) === "A locked link", "the passphrase page");
      await sam.sendKeys(await sam.find("#passphrase"), "blue kettle");
      await clickText(sam, "main button", "Open the link");
      await waitText(sam, "[role=alert]", "That passphrase does not open this link. Check it with your partner and try again.");
      await sam.sendKeys(await sam.find("#passphrase"), " at noon");
      started = Date.now();
      await clickText(sam, "main button", "Open the link");
      await waitText(sam, "[data-testid=invited-by]", "Alex invited you to compare results.");
      await waitFor(() => sam.exec(() => document.activeElement?.matches("main h1")), async () => `the focus on the page's heading once opened, it is on ${await sam.exec(() => document.activeElement?.outerHTML.slice(0, 60))}`);
      return `locked in ${lockMs} ms, opened in ${Date.now() - started} ms (as the test saw them, WebDriver round trips included)`;
    },
  },
  {
    name: "plan: chosen on the results, a day ticked and kept across a reload, and the calendar file downloaded: its text as the page offered it (from its Blob) parsed by ical.js, and the file saved the same",
    capabilities: {
      firefox: (c) => Object.assign(c["moz:firefoxOptions"].prefs, {
        "browser.download.folderList": 2,
        "browser.download.dir": downloadDir("firefox"),
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.helperApps.neverAsk.saveToDisk": "text/calendar",
      }),
      chromium: (c) => (c["goog:chromeOptions"].prefs = { ...c["goog:chromeOptions"].prefs, "download.default_directory": downloadDir("chromium"), "download.prompt_for_download": false }),
    },
    async run(s) {
      await finishWithoutSafetyAnswers(s);
      const start = await waitFor(() => s.exec(() => document.querySelector("[data-testid=plan-start]")), "the offer of a plan on the results");
      await s.click(start);
      const area = await waitFor(() => s.exec(() => document.querySelector(".plan[data-area] fieldset.ticks[data-day='1']")?.closest(".plan").dataset.area), "the plan's page on day 1");
      if (!/^Your two-week plan: /.test(await h1(s))) throw new Error(`the plan's heading is "${await h1(s)}"`);
      const practices = await s.exec(() => [...document.querySelectorAll("ol.practices > li.practice h3")].map((h) => h.textContent.trim()));
      // Day 1: the first practice ticked, by a click on its box.
      await s.click(await s.find("#tick-1-0"));
      await waitFor(() => s.exec(() => document.querySelector("li.strip-day[data-day='1']")?.dataset.done === "1"), "day 1 on the strip to show one practice done");
      await waitFor(async () => JSON.stringify(JSON.parse(await s.exec(() => localStorage.getItem("closer.v1")))?.plan?.done) === "[1]", "the tick kept in the record");
      await s.refresh();
      await ready(s);
      await waitFor(() => s.exec(() => document.querySelector("#tick-1-0")?.checked === true && document.querySelector("li.strip-day[data-day='1']")?.dataset.done === "1"), "the tick still there after a reload");
      if (!(await s.exec(() => document.querySelector("li.strip-day[data-day='2'] button")?.disabled))) throw new Error("tomorrow can be ticked today");

      // The calendar file.
      const browser = s.capabilities.browserName;
      const dir = browser === "firefox" ? downloadDir("firefox") : /^chrom/.test(browser) ? downloadDir("chromium") : homedir();
      await catchFiles(s);
      const today = await s.exec(() => [new Date().getFullYear(), new Date().getMonth() + 1, new Date().getDate()]);
      const clicked = Date.now() - 2_000;
      await s.click(await s.find("[data-testid=plan-calendar]"));
      const file = await waitFor(() => s.exec(() => window.__files[0] ?? null), "the calendar file to be offered");
      if (file.name !== "closer-plan.ics" || file.type !== "text/calendar") throw new Error(`the file offered is ${file.name} (${file.type})`);
      const failed = await s.exec(() => document.querySelector(".plan-reminders [role=alert]")?.textContent ?? null);
      if (failed) throw new Error(`the page says: ${failed}`);
      const events = calendarEvents(file.text);
      if (events.length !== practices.length + 1) throw new Error(`${events.length} events for ${practices.length} practices and the re-check`);
      // Each practice from today at 19:00 (the time unless another is picked), daily for two
      // weeks or weekly twice, leading back to the plan; then the re-check.
      events.slice(0, -1).forEach((e, i) => {
        if (e.summary !== practices[i]) throw new Error(`event ${i} is "${e.summary}", not "${practices[i]}"`);
        if (JSON.stringify(e.start) !== JSON.stringify([...today, 19, 0])) throw new Error(`event ${i} starts ${e.start}, not ${[...today, 19, 0]}`);
        if (!/^FREQ=(DAILY;COUNT=14|WEEKLY;COUNT=2)$/.test(e.rule)) throw new Error(`event ${i} repeats ${e.rule}`);
        if (e.url !== `${APP}#/plan`) throw new Error(`event ${i} leads to ${e.url}`);
      });
      const recheck = events.at(-1);
      const day14 = new Date(Date.UTC(today[0], today[1] - 1, today[2] + 13));
      if (JSON.stringify(recheck.start) !== JSON.stringify([day14.getUTCFullYear(), day14.getUTCMonth() + 1, day14.getUTCDate(), 19, 0]) || recheck.rule !== null) {
        throw new Error(`the re-check is on ${recheck.start} (${recheck.rule}), not on day 14 at 19:00`);
      }
      if (recheck.url !== `${APP}#/plan/recheck`) throw new Error(`the re-check leads to ${recheck.url}`);
      // The file saved: the newest closer-plan*.ics there since the click (MiniBrowser adds a
      // number to the name when one is there already), once it holds all the text.
      const saved = () => readdirSync(dir).filter((n) => /^closer-plan.*\.ics$/.test(n)).map((n) => join(dir, n)).filter((p) => statSync(p).mtimeMs >= clicked);
      const path = await waitFor(() => saved().find((p) => readFileSync(p, "utf8") === file.text), async () => `the download saved in ${dir} with the text offered (there: ${saved().join(", ") || "nothing"})`);
      rmSync(path);
      return `${area}: a day ticked and kept; the file downloaded to ${dir} (${file.text.length} bytes, ${events.length} events)`;
    },
  },
  {
    name: "embed: the two pasted lines add a frame that takes its content's height, growing and shrinking",
    async run(s) {
      const h = await embedResizes(s, `${HOST}/post.html`);
      return `frame ${h.start} → ${h.long} → ${h.short} px`;
    },
  },
  {
    name: "embed without scripts: the fallback iframe keeps its fixed height and scrolls inside",
    async run(s) {
      await s.get(`${HOST}/fallback.html`);
      const frame = await waitFor(() => s.exec(() => document.querySelector("iframe")), "the iframe");
      const fixed = await s.exec((f) => f.getBoundingClientRect().height, s.elementRef(frame));
      await s.frame(frame);
      await ready(s);
      await goTo(s, "#/learn/what-is-emotional-intimacy", "What emotional intimacy is");
      const scrolled = await waitFor(
        () => s.exec(() => { scrollTo(0, 400); return scrollY; }),
        "the long page to scroll inside the frame",
      );
      await s.frame(null);
      const after = await s.exec((f) => f.getBoundingClientRect().height, s.elementRef(frame));
      if (after !== fixed) throw new Error(`the frame changed height: ${fixed} → ${after}`);
      return `frame stays ${fixed} px, scrolled ${scrolled} px inside`;
    },
  },
  {
    name: "Hugo: a site built with the shortcode shows the frame, which resizes",
    async run(s) {
      const h = await embedResizes(s, `http://127.0.0.1:${ports.hugo}/posts/with-shortcode/`);
      // The two lines pasted into Markdown instead: Hugo leaves them out, as the README says.
      await s.get(`http://127.0.0.1:${ports.hugo}/posts/pasted/`);
      const iframes = await s.exec(() => document.querySelectorAll("iframe").length);
      const omitted = await s.exec(() => document.body.innerHTML.includes("raw HTML omitted"));
      if (iframes !== 0 || !omitted) throw new Error(`pasted lines: ${iframes} iframes, omitted: ${omitted}`);
      return `frame ${h.start} → ${h.long} → ${h.short} px`;
    },
  },
  {
    name: "Jekyll: a site built with the include shows the frame, which resizes; so do the two lines pasted",
    async run(s) {
      const h = await embedResizes(s, `http://127.0.0.1:${ports.jekyll}/with-include/`);
      const pasted = await embedResizes(s, `http://127.0.0.1:${ports.jekyll}/pasted/`);
      return `frame ${h.start} → ${h.long} → ${h.short} px; pasted ${pasted.start} → ${pasted.long} → ${pasted.short} px`;
    },
  },
];

// ---------------------------------------------------------------- the run

const engines = (process.env.ENGINES ?? "webkit,firefox,chromium").split(",").filter(Boolean);
const only = process.env.ONLY;
const dist = join(root, process.env.DIST ?? "dist");
if (!existsSync(join(dist, "index.html"))) throw new Error(`no build in ${dist}: run make build first`);

const hugoDir = buildHugoSite();
const jekyllDir = buildJekyllSite();
const servers = await Promise.all([
  startServer({ dir: dist, port: ports.app, prefixes: ["/", "/a/b/closer/", HELD] }),
  startServer({ dir: join(root, "tests/e2e/hosts"), port: ports.host, extra: HOST_PAGES }),
  startServer({ dir: hugoDir, port: ports.hugo, gzip: false }),
  startServer({ dir: jekyllDir, port: ports.jekyll, gzip: false }),
]);

let failed = 0;
const retried = [];
const started = Date.now();
for (const engine of engines) {
  const engineStart = Date.now();
  const driver = await startDriver(engine, ports.driver[engine]);
  let version = "?";
  try {
    for (const scenario of scenarios) {
      if (only && !scenario.name.includes(only)) continue;
      const t = Date.now();
      if (scenario.engines && !scenario.engines.includes(engine)) {
        console.log(`  --  ${engine.padEnd(8)} ${scenario.name} (not in this engine: ${scenario.engines.join(" and ")} only)`);
        continue;
      }
      const sessions = [];
      let retry = "";
      const newSession = async () => {
        const capabilities = structuredClone(driver.capabilities);
        if (scenario.prefs) Object.assign(capabilities["moz:firefoxOptions"].prefs, scenario.prefs);
        scenario.capabilities?.[engine]?.(capabilities);
        let s;
        try {
          s = await Session.start(driver.url, capabilities);
        } catch (e) {
          // A driver that never answers a new session (seen once in WebKitGTK, for a second
          // profile in a scenario) is started again, which ends the browser it may have left
          // half-started, and asked once more; a second silence fails the scenario.
          if (!(e instanceof WebDriverError && e.message.startsWith("POST /session: no answer"))) throw e;
          console.log(`  ..  ${engine.padEnd(8)} ${scenario.name}: ${e.message}; the driver is started again and asked once more`);
          retry = "; a new session never answered and was asked for again, once";
          retried.push(`${engine}: ${scenario.name}`);
          await driver.restart();
          s = await Session.start(driver.url, capabilities);
        }
        version = `${s.capabilities.browserName} ${s.capabilities.browserVersion}`;
        sessions.push(s);
        return s;
      };
      try {
        const note = await scenario.run(await newSession(), newSession);
        console.log(`  ok  ${engine.padEnd(8)} ${scenario.name} (${((Date.now() - t) / 1000).toFixed(1)} s${note ? `; ${note}` : ""}${retry})`);
      } catch (e) {
        failed++;
        console.log(`FAIL  ${engine.padEnd(8)} ${scenario.name} (${((Date.now() - t) / 1000).toFixed(1)} s${retry})\n      ${e.message}`);
      } finally {
        for (const s of sessions) await s.quit().catch(() => {});
      }
    }
  } finally {
    await driver.stop();
  }
  console.log(`${engine}: ${version}, ${((Date.now() - engineStart) / 1000).toFixed(1)} s`);
}
for (const server of servers) server.close();
for (const dir of [hugoDir, jekyllDir]) rmSync(join(dir, ".."), { recursive: true, force: true });
rmSync(downloads, { recursive: true, force: true });
if (retried.length) console.log(`a driver's new session was asked for twice (the first never answered) in ${retried.length} scenario(s):\n  ${retried.join("\n  ")}`);
console.log(`${failed ? `${failed} failed` : "all passed"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
