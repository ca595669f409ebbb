// Trunk post-build hook (see Trunk.toml). It writes each language's words file (the app fetches
// the one of the language shown) and explainer pages' bodies into pages/ (the app fetches one
// when it is opened), fills index.html's `{{key}}` placeholders with the words of
// content/en/shell.toml, and in every build the page picks its language before the app starts
// (the saved choice, the embed's ?lang=, the browser's languages, else English) and asks for
// that language's words at once; in a release build it also:
//  1. replaces Trunk's inline start-up script with a file of its own, so the page needs no inline
//     script; it starts the app as Trunk's does, but compiles the wasm while the glue loads and
//     asks for the words at once; if the app cannot start or stops (a trap), it
//     tells the person so with a way to reload, instead of leaving a blank or frozen page;
//  2. adds the Content-Security-Policy as a meta tag (no 'unsafe-inline', no 'unsafe-eval');
//  3. minifies wasm-bindgen's JavaScript glue (41 → 19 KB, 7.0 → 5.6 KB gzip), shortens the
//     names the wasm and the glue share (scripts/shorten-names.mjs: 2.9 KB gzip off the wasm, 2.0
//     off the glue), names both files after their new content and updates their integrity hashes;
//  4. minifies the start-up script (terser) and the stylesheet (lightningcss), 3.5 → 3.0 KB gzip;
//  5. checks that every file the page references exists;
//  6. writes the service worker, sw.js, from the files the build produced (scripts/offline.mjs);
//     the start-up script registers it. A debug build's sw.js only retires a release build's;
//  7. writes the QR encoder (lean-qr, from npm) as a module of its own, qr-<hash>.js, which the
//     start-up script imports only when the app first asks for a QR code (src/web/qr.rs), so it
//     costs the first load nothing; the worker keeps it for use offline like the other files.
// In every build it draws the icons and writes the web app manifest (scripts/offline.mjs), and
// prerenders the pages with fixed content (src/bin/prerender.rs): the front page into index.html,
// the explainer's pages as pages of their own at learn/<slug>/ (with CLOSER_SITE_URL, canonical
// links, sitemap.xml and robots.txt too).
import { readFileSync, writeFileSync, existsSync, readdirSync, unlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { transform as transformCss } from "lightningcss";
import { shortenNames } from "./shorten-names.mjs";
import { writeManifest, serviceWorker, RETIRING_WORKER } from "./offline.mjs";
import { startupSettings, bundleStartup } from "./build/startup.mjs";

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'none'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join("; ");

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run through trunk");
  process.exit(1);
}
if (process.env.CLOSER_SAVE_STAGING) (await import("node:fs")).cpSync(dir, process.env.CLOSER_SAVE_STAGING, { recursive: true });
// The words files and the page bodies, from the same parser, checks and code generator as the
// build: content/<language> → words-<checksum>.txt and pages/*.html, for every language.
const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

// A plain host build: none of the release build's unstable options (scripts/build-release.sh)
// reach it.
const hostEnv = { ...process.env };
for (const name of ["RUSTC_BOOTSTRAP", "RUSTC_WRAPPER", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"]) {
  delete hostEnv[name];
}
const exported = execFileSync("cargo", ["run", "-q", "-p", "closer-core", "--features", "parse", "--bin", "export-content", "--", join(root, "content"), dir], {
  cwd: root,
  env: hostEnv,
  stdio: ["ignore", "pipe", "inherit"],
  encoding: "utf8",
});
// One line a language, the default first: `<code> <words file>`.
const wordsFiles = Object.fromEntries(exported.trim().split("\n").map((line) => line.split(" ")).map(([code, file]) => [code, `./${file}`]));
if (Object.keys(wordsFiles)[0] !== "en") fail(`export-content listed no words file for English first: ${exported}`);

/** The site's address, if the build is given it (CLOSER_SITE_URL=https://example.org/closer/). */
function siteUrl() {
  const given = process.env.CLOSER_SITE_URL;
  if (!given) return null;
  let url;
  try {
    url = new URL(given);
  } catch {
    fail(`CLOSER_SITE_URL is not an address: ${given}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) fail(`CLOSER_SITE_URL must be an http(s) address without ? or #: ${given}`);
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** The app's page with its stylesheet inside it (a `<style>` allowed by its hash in the CSP)
 *  instead of linked: the prerendered front page paints without waiting for a second file
 *  (first contentful paint 124 → 104 ms median at 1× CPU, 356 → 296 ms at 4×, Chromium 156, 21
 *  loads; docs/decisions.md), and the first load is the same bytes in one file fewer. The
 *  static explainer pages, made from the page before this, keep the link: the worker keeps the
 *  file once for all of them. */
function inlineStylesheet(page) {
  const link = page.match(/<link rel="stylesheet"[^>]*href="\.\/(main-[0-9a-f]+\.css)"[^>]*>/);
  if (!link) fail("index.html has no stylesheet link to put inline");
  const css = readFileSync(join(dir, link[1]), "utf8");
  if (/<\/style/i.test(css)) fail(`${link[1]} contains "</style", which would end the inline stylesheet`);
  const hash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  const withHash = page.replace("style-src 'self'", `style-src 'self' ${hash}`);
  if (withHash === page) fail("index.html's CSP has no style-src 'self' to allow the inline stylesheet by its hash");
  return withHash.replace(link[0], () => `<style>${css}</style>`);
}

/** Writes the prerendered pages (see the call) and returns index.html with the front page in it. */
function writePrerendered(indexHtml) {
  // One run per language, on its own words file and folder: English's pages at learn/,
  // another language's under its code (es/learn/).
  const entries = Object.entries(wordsFiles).flatMap(([code, file]) => JSON.parse(execFileSync("cargo", ["run", "-q", "--features", "ssr", "--bin", "prerender", "--", join(dir, file), join(root, "content", code)], {
    cwd: root,
    env: hostEnv,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  })));
  const site = siteUrl();
  const attr = (text) => escapeHtml(text);
  // A static page's head: the front page's, without its scripts and preloads (nothing runs
  // there), its addresses made relative to the page's folder, with the page's own words.
  const head = indexHtml
    .slice(0, indexHtml.indexOf("<body>"))
    .replace(/\s*<script\b[^>]*><\/script>/g, "")
    .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
  let home = indexHtml;
  // The app's pages at real paths (es/, check-in/, es/check-in/): their first script (below), and
  // one CSP for them and index.html that allows every such script by its hash (so one header
  // taken from index.html fits them all; README, "Deploy").
  const english = Object.keys(wordsFiles)[0];
  const relocation = (page) =>
    `document.querySelector("base").remove();history.replaceState(history.state,"",new URL(${JSON.stringify(page.root)},location.href).pathname+(location.search||${JSON.stringify(page.lang === english ? "" : `?hl=${page.lang}`)})+(location.hash||${JSON.stringify(page.route)}))`;
  const relocations = entries.filter((e) => e.app).map(relocation);
  const allow = (html, what) => {
    const allowed = html
      .replace("script-src 'self'", `script-src 'self' ${relocations.map((r) => `'sha256-${createHash("sha256").update(r).digest("base64")}'`).join(" ")}`)
      .replace("base-uri 'none'", "base-uri 'self'");
    if (!allowed.includes("base-uri 'self'") || !allowed.includes("script-src 'self' 'sha256-")) fail(`${what}: the CSP has no script-src 'self' and base-uri 'none' to allow the address's move`);
    return allowed;
  };
  if (release && relocations.length) home = allow(home, "index.html");
  for (const page of entries) {
    const meta = [];
    if (site) {
      meta.push(`<link rel="canonical" href="${attr(site + page.path)}" />`, `<meta property="og:url" content="${attr(site + page.path)}" />`);
      // The same page in every language (hreflang needs whole addresses, so only with the site's).
      const versions = entries.filter((e) => e.key === page.key);
      if (versions.length > 1) {
        for (const v of versions) meta.push(`<link rel="alternate" hreflang="${attr(v.lang)}" href="${attr(site + v.path)}" />`);
        meta.push(`<link rel="alternate" hreflang="x-default" href="${attr(site + versions.find((v) => v.lang === "en").path)}" />`);
      }
    }
    // What every page of its own says of itself: its language, title and description (`named`),
    // the links above (`withMeta`), and for the app's pages, the route their markup shows.
    const withMeta = (text) => text.replace("</head>", `${meta.map((m) => "  " + m + "\n").join("")}  </head>`);
    const named = (text, description) => text
      .replace(/<html lang="[^"]*">/, `<html lang="${attr(page.lang)}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
      .replace(/(<meta name="description" content=")[^"]*"/, `$1${attr(description)}"`)
      .replace(/(<meta property="og:title" content=")[^"]*"/, `$1${attr(page.title)}"`);
    const showing = (text) => text.replace("<body>", `<body data-prerendered="${attr(page.route)}">\n    ${page.body}`);
    const write = (text) => {
      mkdirSync(join(dir, page.file, ".."), { recursive: true });
      writeFileSync(join(dir, page.file), text);
    };
    if (page.file === "index.html") {
      home = showing(withMeta(home));
      continue;
    }
    if (page.app) {
      // The app's own page at a real path (es/, check-in/, es/check-in/): index.html, scripts and
      // all, with this route's markup, language and title. Its first script moves the address
      // to the app's folder, with the route in the fragment (and `?hl=<code>` for a language
      // other than English, unless the address asks for one), before the page asks for anything
      // else (`replaceState`: no new request): from then on it is the app at that route, as if
      // opened at index.html (its files, the words, the worker's scope and every link resolve
      // from the app's folder, wherever that is). Allowed by its hash in the CSP, like the inline
      // stylesheet. Without scripts, a <base> (which that script takes away first) does the
      // same for the page's files and links: they lead to the app's folder.
      let text = showing(withMeta(named(indexHtml, shells[page.lang].description)));
      const first = text.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/) ?? text.match(/<meta charset="utf-8" \/>/);
      if (!first) fail(`${page.file}: index.html has no <meta charset> to put the address's move after`);
      text = text.replace(first[0], () => `${first[0]}\n    <base href="${attr(page.root)}" />\n    <script>${relocation(page)}</script>`);
      write(release ? inlineStylesheet(allow(text, page.file)) : text);
      continue;
    }
    let text = named(head, page.description)
      .replace(/ (href|content)="\.\//g, ` $1="${page.root}`)
      .replace(/(<meta property="og:type" content=")[^"]*"/, "$1article\"")
      .replace(/(<meta property="og:description" content=")[^"]*"/, `$1${attr(page.description)}"`);
    text = withMeta(text) + `<body>\n    ${page.body}\n  </body>\n</html>\n`;
    const missingHere = [...text.matchAll(/\s(?:href|src)="([^"#?:]+)"/g)].map((m) => join(page.file, "..", m[1])).filter((f) => !f.endsWith("/") && !existsSync(join(dir, f)));
    if (missingHere.length) fail(`${page.file} references missing files: ${missingHere.join(", ")}`);
    write(text);
  }
  if (site) {
    const paths = entries.map((p) => p.path);
    writeFileSync(join(dir, "sitemap.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `  <url><loc>${escapeHtml(site + p)}</loc></url>`).join("\n")}\n</urlset>\n`);
    writeFileSync(join(dir, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${site}sitemap.xml\n`);
  }
  return home;
}

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/** content/en/shell.toml: one `key = "text"` a line (TOML basic strings), comments, blank lines. */
function shellWords(path) {
  const words = {};
  readFileSync(path, "utf8").split("\n").forEach((line, n) => {
    const text = line.trim();
    if (!text || text.startsWith("#")) return;
    const m = text.match(/^([a-z_]+) = ("(?:[^"\\]|\\.)*")$/);
    if (!m) fail(`${path}:${n + 1}: expected key = "text"`);
    if (m[1] in words) fail(`${path}:${n + 1}: \`${m[1]}\` is given twice`);
    try {
      words[m[1]] = JSON.parse(m[2]);
    } catch {
      fail(`${path}:${n + 1}: the text has an escape this file does not allow`);
    }
    if (!words[m[1]].trim()) fail(`${path}:${n + 1}: \`${m[1]}\` is empty`);
  });
  return words;
}
const shellPath = join(root, "content/en/shell.toml");
const words = shellWords(shellPath);
// Every language's shell words, with English's keys (the start-up script says what went wrong
// in the language the page picked).
const shells = Object.fromEntries(Object.keys(wordsFiles).map((code) => {
  const path = join(root, "content", code, "shell.toml");
  const theirs = shellWords(path);
  const missing = Object.keys(words).filter((k) => !(k in theirs));
  const extra = Object.keys(theirs).filter((k) => !(k in words));
  if (missing.length || extra.length) fail(`${path}: ${missing.length ? `missing ${missing.join(", ")}` : ""}${extra.length ? ` not in ${shellPath}: ${extra.join(", ")}` : ""}`);
  return [code, theirs];
}));

const used = new Set(["failed_to_start", "stopped", "reload"]); // the start-up script's
const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
html = html.replace(/\{\{([a-z_]+)\}\}/g, (_, key) => {
  if (!(key in words)) fail(`index.html uses {{${key}}}, which ${shellPath} does not have`);
  used.add(key);
  return escapeHtml(words[key]);
});
// The icons and the manifest (its name and description are the shell's words).
const installTags = writeManifest(dir, {
  svg: readFileSync(join(root, "assets/favicon.svg"), "utf8"),
  css: readFileSync(join(root, "styles/main.css"), "utf8"),
  words,
});
html = html.replace("</head>", `${installTags}\n  </head>`);
const unused = Object.keys(words).filter((k) => !used.has(k));
if (unused.length) fail(`${shellPath}: no page uses ${unused.join(", ")}`);

// The start-up script's settings, from the Rust definitions (scripts/build/startup.mjs), and
// what it tells the person if Closer cannot start, in each language (the page carries English's
// description already; another language's replaces it).
const settings = startupSettings(root, hostEnv);
if (JSON.stringify(settings.languages) !== JSON.stringify(Object.keys(wordsFiles))) fail(`startup-settings lists the languages ${settings.languages}, export-content ${Object.keys(wordsFiles)}`);
const told = Object.fromEntries(Object.entries(shells).map(([code, { failed_to_start, stopped, reload, description }]) => [code, code === "en" ? { failed_to_start, stopped, reload } : { failed_to_start, stopped, reload, description }]));

// Only the words of the language shown are fetched, so the page has no preload link for them:
// which language is known only in the browser. A release build's start-up script asks for them
// at once, beside the wasm; in a debug build a script here does (no CSP in a debug build).
const wordsOnDisk = readdirSync(dir).filter((f) => /^words-[0-9a-f]{8}\.txt$/.test(f));
if (wordsOnDisk.length !== Object.keys(wordsFiles).length) fail(`expected ${Object.keys(wordsFiles).length} words files in ${dir}, found ${wordsOnDisk.length}`);
if (!release) {
  const code = await bundleStartup({ root, entry: "startup/debug.js", settings, files: { words: wordsFiles, told }, format: "iife" });
  html = html.replace("</head>", () => `<script>${code}</script>\n  </head>`);
}

/** The QR encoder as one module: lean-qr's nano build and its SVG path helper, each wrapped in a
 *  function that returns what it exports, and `qr(text)` giving the code's size in modules and
 *  the path of its dark ones. */
function qrModule() {
  const lib = (file) => {
    const source = readFileSync(join(root, "node_modules/lean-qr", file), "utf8");
    const list = source.match(/export\s*\{([^}]*)\};?\s*$/);
    if (!list || /\b(import|export)\b/.test(source.slice(0, list.index))) fail(`node_modules/lean-qr/${file} no longer ends with its one export list (see qrModule)`);
    const names = list[1].split(",").map((entry) => entry.trim().split(/\s+as\s+/)).map(([local, name]) => `${name ?? local}:${local}`);
    return `(()=>{${source.slice(0, list.index)};return{${names.join(",")}}})()`;
  };
  return `const nano=${lib("nano.mjs")},svg=${lib("extras/svg.mjs")};
export function qr(text){const code=nano.generate(text);return{size:code.size,d:svg.toSvgPath(code)}}
`;
}
const { code: qrCode } = await minify(qrModule(), { module: true, compress: { passes: 2 }, mangle: true });
const qrFile = `qr-${createHash("sha256").update(qrCode).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, qrFile), qrCode);

if (release) {
  // The glue is generated code: minify it; then shorten the names the wasm and the glue share
  // (scripts/shorten-names.mjs) and drop the wasm's custom sections (tool metadata). Both files
  // get names from their new content, so a cache never pairs a new glue with an old wasm, and
  // the page gets their new integrity hashes.
  const glueLink = html.match(/<link rel="modulepreload" href="\.\/(closer-([0-9a-f]+)\.js)"[^>]*integrity="([^"]+)"/);
  const wasmLink = html.match(/<link rel="preload" href="\.\/(closer-([0-9a-f]+)_bg\.wasm)"[^>]*integrity="([^"]+)"/);
  if (!glueLink || !wasmLink || glueLink[2] !== wasmLink[2]) fail("index.html has no preload links for the wasm-bindgen glue and wasm");
  const { code: minified } = await minify(readFileSync(join(dir, glueLink[1]), "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
  // A plain build (CLOSER_PLAIN_BUILD=1, see scripts/build-release.sh) keeps wasm-bindgen's names.
  const wasm = readFileSync(join(dir, wasmLink[1]));
  let shortened = { wasm, glue: minified };
  if (process.env.CLOSER_PLAIN_BUILD !== "1") {
    try {
      shortened = shortenNames(wasm, minified);
    } catch (error) {
      fail(`cannot shorten the wasm's import and export names: ${error.message}`);
    }
  }
  const hash = createHash("sha256").update(shortened.wasm).update(shortened.glue).digest("hex").slice(0, 16);
  const files = [
    [glueLink, `closer-${hash}.js`, shortened.glue],
    [wasmLink, `closer-${hash}_bg.wasm`, shortened.wasm],
  ];
  for (const [link, name, content] of files) {
    unlinkSync(join(dir, link[1]));
    writeFileSync(join(dir, name), content);
    html = html.replaceAll(link[1], name).replace(link[3], `sha384-${createHash("sha384").update(content).digest("base64")}`);
  }
  // The stylesheet, minified by lightningcss (the CSS engine Trunk itself uses; Trunk's own
  // minify option would also rewrite index.html, which this script reads), renamed after its
  // new content, with its new integrity hash.
  const cssLink = html.match(/<link rel="stylesheet"[^>]*href="\.\/(main-[0-9a-f]+\.css)"[^>]*integrity="([^"]+)"/);
  if (!cssLink) fail("index.html has no stylesheet link with an integrity hash");
  const css = transformCss({ filename: cssLink[1], code: readFileSync(join(dir, cssLink[1])), minify: true }).code;
  const cssName = `main-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  unlinkSync(join(dir, cssLink[1]));
  writeFileSync(join(dir, cssName), css);
  html = html.replaceAll(cssLink[1], cssName).replace(cssLink[2], `sha384-${createHash("sha384").update(css).digest("base64")}`);

  // Chromium ignores `integrity` on a preload of the fetch kind and warns about it on every load;
  // the wasm is named after its content anyway.
  html = html.replace(/(<link rel="preload" href="\.\/closer-[0-9a-f]+_bg\.wasm"[^>]*?) integrity="[^"]*"/, "$1");

  const trunkScript = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!trunkScript) fail("Trunk's start-up script is missing from index.html");
  const glue = trunkScript[1].match(/from '(\.\/[^']+\.js)'/);
  const wasmPath = trunkScript[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/);
  if (!glue || !wasmPath) fail("Trunk's start-up script has changed: no glue or wasm path found in it");
  // Minified like the glue: its comments are for this file's readers, not for every visitor.
  const code = await bundleStartup({ root, entry: "startup/main.js", settings, files: { words: wordsFiles, told, glue: glue[1], wasm: wasmPath[1], qr: `./${qrFile}` } });
  const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  html = html.replace(trunkScript[0], `<script type="module" src="./${name}"></script>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
    console.error("post-build: an inline script is left in index.html; the CSP would block it");
    process.exit(1);
  }
  // Checked resources (integrity) must be fetched with CORS, or a sandboxed frame cannot use them.
  html = html.replace(/<link rel="(stylesheet|icon)"(?![^>]*crossorigin)([^>]*integrity=)/g, '<link rel="$1" crossorigin="anonymous"$2');
  html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
  if (!html.includes("Content-Security-Policy")) {
    console.error("post-build: could not place the CSP meta after <meta charset>");
    process.exit(1);
  }
}

const missing = [...html.matchAll(/\s(?:href|src)="\.\/([^"#?]+)"/g)].map((m) => m[1]).filter((f) => !existsSync(join(dir, f)));
if (missing.length) {
  console.error(`post-build: index.html references missing files: ${missing.join(", ")}`);
  process.exit(1);
}
// The pages with fixed content, prerendered by the app's own components with Yew's server
// renderer (src/bin/prerender.rs, run natively): the front page into index.html, over which the
// app mounts; the explainer's pages as pages of their own at real paths (learn/, learn/<slug>/),
// read with or without JavaScript, each with its own title, description and, when the build is
// given the site's address (CLOSER_SITE_URL), canonical link, sitemap.xml and robots.txt.
html = writePrerendered(html);
if (release) html = inlineStylesheet(html);
writeFileSync(indexPath, html);
// Last, from every file the build wrote: the worker that keeps them (release), or the one that
// removes a release build's worker met at the same address (debug: live reload sees fresh files).
// Minified like the other scripts (comments and spaces out, local names shortened; top-level
// names such as FILES, which scripts/sizes.mjs reads, stay).
writeFileSync(join(dir, "sw.js"), release ? await serviceWorker(dir) : RETIRING_WORKER);
