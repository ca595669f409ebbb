// Unit tests of the post-build's steps that need no build: the CSP edits, the shell words and
// the placeholders, the failure that names its file, and the words files' integrity lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allowIn, parsePage, StepError, editCsp, sri } from "../util.mjs";
import { readShell, pageWords } from "../shell.mjs";
import { missingReferences } from "../references.mjs";
import { relocation } from "../prerender.mjs";
import { checkNamedIntegrity } from "../content.mjs";

test("a source goes into its CSP directive after 'self' and the hashes added before it", () => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const once = allowIn(policy, "script-src", "'sha256-A='");
  assert.equal(once, "default-src 'self'; script-src 'self' 'sha256-A=' 'wasm-unsafe-eval'; style-src 'self'");
  assert.equal(allowIn(once, "script-src", "'sha256-B='"), "default-src 'self'; script-src 'self' 'sha256-A=' 'sha256-B=' 'wasm-unsafe-eval'; style-src 'self'");
  assert.equal(allowIn(policy, "img-src", "data:"), policy);
});

test("a page without one CSP meta tag is refused, naming the page", () => {
  const $ = parsePage("<html><head></head><body></body></html>");
  assert.throws(() => editCsp($, "es/index.html", (p) => p + "x"), (e) => e instanceof StepError && e.file === "es/index.html");
});

test("shell.toml is read by a TOML parser; a broken or empty entry is refused at its file", () => {
  const dir = mkdtempSync(join(tmpdir(), "closer-shell-"));
  const good = join(dir, "good.toml");
  writeFileSync(good, '# a comment\ntitle = "Closer"\ndescription = """Two\nlines"""\nquote = \'a "b" c\'\n');
  assert.deepEqual({ ...readShell(good) }, { title: "Closer", description: "Two\nlines", quote: 'a "b" c' });
  const broken = join(dir, "broken.toml");
  writeFileSync(broken, 'title = "Closer\n');
  assert.throws(() => readShell(broken), (e) => e instanceof StepError && e.file === broken);
  const empty = join(dir, "empty.toml");
  writeFileSync(empty, 'title = "  "\n');
  assert.throws(() => readShell(empty), (e) => e.file === empty && /empty/.test(e.message));
  const number = join(dir, "number.toml");
  writeFileSync(number, "title = 3\n");
  assert.throws(() => readShell(number), (e) => e.file === number && /not a string/.test(e.message));
});

test("the page's placeholders are filled in its text, its attributes and its <noscript>, escaped as HTML", () => {
  const ctx = {
    words: { title: "Closer & co", description: 'Say "hi" <now>', no_script: "Needs <JavaScript>", failed_to_start: "a", stopped: "b", reload: "c" },
    $: parsePage('<html><head><title>{{title}}</title><meta name="description" content="{{description}}"></head><body><noscript><p>{{no_script}}</p></noscript></body></html>'),
  };
  pageWords(ctx);
  const html = ctx.$.html();
  assert.match(html, /<title>Closer &amp; co<\/title>/);
  assert.match(html, /content="Say &quot;hi&quot; <now>"/);
  assert.match(html, /<noscript><p>Needs &lt;JavaScript&gt;<\/p><\/noscript>/);
  const $ = parsePage(html);
  assert.equal($("title").text(), "Closer & co");
  assert.equal($('meta[name="description"]').attr("content"), 'Say "hi" <now>');
});

test("an unknown placeholder, or a shell word no page uses, is refused", () => {
  const words = { title: "Closer", failed_to_start: "a", stopped: "b", reload: "c" };
  assert.throws(() => pageWords({ words, $: parsePage("<title>{{nope}}</title>") }), (e) => e.file === "index.html" && /nope/.test(e.message));
  assert.throws(() => pageWords({ words: { ...words, extra: "x" }, $: parsePage("<title>{{title}}</title>") }), (e) => e.file === "content/en/shell.toml" && /extra/.test(e.message));
});

test("references: relative files that are missing, not addresses, fragments or folders", () => {
  const dir = mkdtempSync(join(tmpdir(), "closer-refs-"));
  writeFileSync(join(dir, "here.css"), "");
  const $ = parsePage('<link rel="stylesheet" href="./here.css"><script src="./gone.js"></script><a href="#/quiz">q</a><a href="learn/">l</a><a href="https://example.org/x.js">x</a><a href="tel:123">t</a>');
  assert.deepEqual(missingReferences($, dir, "index.html"), ["./gone.js"]);
});

test("an app page's first script moves the address to the app's folder, with the route and the language", () => {
  const es = relocation({ root: "../../", lang: "es", route: "#/quiz" }, "en");
  assert.match(es, /new URL\("\.\.\/\.\.\/",location\.href\)/);
  assert.match(es, /location\.search\|\|"\?hl=es"/);
  assert.match(es, /location\.hash\|\|"#\/quiz"/);
  assert.match(relocation({ root: "../", lang: "en", route: "#/quiz" }, "en"), /location\.search\|\|""/);
});

test("each integrity at a words file's end must be that of a page body or plans file in the build", () => {
  const dir = mkdtempSync(join(tmpdir(), "closer-integrity-"));
  mkdirSync(join(dir, "pages"));
  writeFileSync(join(dir, "pages", "a-00000001.html"), "<p>A</p>");
  writeFileSync(join(dir, "plans-00000002.txt"), "Today");
  writeFileSync(join(dir, "words-00000003.txt"), ["Yes", "No", sri("<p>A</p>"), sri("Today")].join("\n"));
  checkNamedIntegrity(dir, ["words-00000003.txt"]);
  writeFileSync(join(dir, "words-00000004.txt"), ["Yes", "No", sri("<p>B</p>"), sri("Today")].join("\n"));
  assert.throws(() => checkNamedIntegrity(dir, ["words-00000004.txt"]), (e) => e instanceof StepError && e.file === "words-00000004.txt" && /1 not in the build/.test(e.message));
  writeFileSync(join(dir, "words-00000005.txt"), ["Yes", "No"].join("\n"));
  assert.throws(() => checkNamedIntegrity(dir, ["words-00000005.txt"]), (e) => e.file === "words-00000005.txt" && /names 0 files/.test(e.message));
});
