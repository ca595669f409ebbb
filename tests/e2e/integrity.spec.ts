import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, Page, Route } from "@playwright/test";
import { test, expect, ready } from "./fixtures";
import { uiWord } from "./content";

// Issue 27, point 5: the files fetched beside the app (the words file, an explainer page's body,
// the plans file) are fetched with Subresource Integrity, so the browser hands the app no bytes
// but those the build wrote. Each file here is served changed, and changed so that its 32-bit
// checksum (the one in its name, which the app once compared) is still the same: what refuses it
// is the integrity, not the checksum. Then it is served as built, and it loads.

const P = 0x01000193;
const fnv = (h: number, bytes: Uint8Array) => bytes.reduce((h, b) => Math.imul(h ^ b, P) >>> 0, h);
/** FNV-1a's multiplier inverted (mod 2^32), by Newton's iteration. */
const P_INVERSE = [0, 1, 2, 3, 4].reduce((x) => Math.imul(x, 2 - Math.imul(P, x)) >>> 0, P);
/** The FNV-1a state before `bytes`, given the state after them. */
const unfnv = (h: number, bytes: Uint8Array) => bytes.reduceRight((h, b) => (Math.imul(h, P_INVERSE) >>> 0) ^ b, h);

const ALPHABET = new TextEncoder().encode("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
function* triples() {
  for (const a of ALPHABET) for (const b of ALPHABET) for (const c of ALPHABET) yield new Uint8Array([a, b, c]);
}

/**
 * `original` with `from` replaced by `to` (its first occurrence) followed by six letters or digits
 * chosen so that the whole has `original`'s FNV-1a checksum (src/lib.rs and core's
 * `body_checksum`): the file the old check would have taken. Found meeting in the middle.
 */
function sameChecksum(original: Buffer, from: string, to: string): Buffer {
  const text = original.toString("utf8");
  const at = text.indexOf(from);
  expect(at, `"${from}" is in the file`).toBeGreaterThanOrEqual(0);
  const prefix = Buffer.from(text.slice(0, at) + to);
  const suffix = Buffer.from(text.slice(at + from.length));
  const before = fnv(0x811c9dc5, prefix);
  const after = unfnv(fnv(0x811c9dc5, original), suffix);
  const forward = new Map<number, Uint8Array>();
  for (const t of triples()) forward.set(fnv(before, t), t);
  for (const t of triples()) {
    const first = forward.get(unfnv(after, t));
    if (first) {
      const changed = Buffer.concat([prefix, first, t, suffix]);
      expect(fnv(0x811c9dc5, changed)).toBe(fnv(0x811c9dc5, original));
      expect(changed.equals(original)).toBe(false);
      return changed;
    }
  }
  throw new Error("no six characters give the same checksum");
}

/** The start-up script's words (content/<lang>/shell.toml): the page's notices are in the language picked. */
function shellWords(lang: string): Record<string, string> {
  const toml = readFileSync(join(__dirname, `../../content/${lang}/shell.toml`), "utf8");
  return Object.fromEntries([...toml.matchAll(/^([a-z_]+) = ("(?:[^"\\]|\\.)*")$/gm)].map((m) => [m[1], JSON.parse(m[2])]));
}

// The build under test (CLOSER_DIST, as playwright.config.ts serves it; default dist/).
const DIST = join(__dirname, "../..", process.env.CLOSER_DIST ?? "dist");

/** The build's files under `folder` whose names match `name`, each with its bytes. */
function built(folder: string, name: RegExp): [string, Buffer][] {
  return readdirSync(join(DIST, folder))
    .filter((f) => name.test(f))
    .map((f) => [f, readFileSync(join(DIST, folder, f))]);
}

/** A page in a browser context of its own (so no service worker from another phase serves it
 *  from its cache): the failures here are on purpose, so the usual watch does not apply. Any
 *  exception thrown in the page is kept, to be checked empty. */
async function plainPage(browser: Browser, baseURL: string, locale = "en-GB"): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

/** Serves the files `pattern` matches from `changed` (by file name) while `tampered(name)` says so,
 *  else as built; records each file name asked for. */
async function serve(page: Page, pattern: string, changed: Map<string, Buffer>, tampered: (name: string) => boolean): Promise<string[]> {
  const asked: string[] = [];
  await page.route(pattern, async (route: Route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop()!;
    asked.push(name);
    const body = tampered(name) ? changed.get(name) : undefined;
    await (body ? route.fulfill({ status: 200, contentType: name.endsWith(".html") ? "text/html" : "text/plain", body }) : route.continue());
  });
  return asked;
}

test("an explainer page's body changed in one sentence (same checksum) is never shown: a message and a retry; as built, it loads", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const changed = new Map(built("pages", /^safety-[0-9a-f]{8}\.html$/).map(([f, b]) => [f, sameChecksum(b, "</h2>", "</h2><p id=injected>Not ours</p>")]));
  const { page, errors } = await plainPage(browser, baseURL!);
  let tampered = true;
  const asked = await serve(page, "**/pages/*.html", changed, () => tampered);
  await page.goto("./#/learn/safety");
  await ready(page);
  await expect(page.getByRole("alert")).toContainText(uiWord("learn", "load_failed"));
  await expect(page.locator("#injected")).toHaveCount(0);
  await page.getByRole("button", { name: uiWord("learn", "retry") }).click();
  await expect.poll(() => asked.length).toBe(2);
  await expect(page.getByRole("alert")).toContainText(uiWord("learn", "load_failed"));
  await expect(page.locator("#injected")).toHaveCount(0);
  tampered = false;
  await page.getByRole("button", { name: uiWord("learn", "retry") }).click();
  await expect(page.locator(".prose h2").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator("#injected")).toHaveCount(0);
  expect(asked).toHaveLength(3);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the plans file changed in one text (same checksum) is not taken: the plan's page says so, with a retry; as built, it loads", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const changed = new Map(built(".", /^plans-[0-9a-f]{8}\.txt$/).filter(([, b]) => b.includes("Today")).map(([f, b]) => [f, sameChecksum(b, "Today", "Not ours")]));
  expect(changed.size).toBe(1);
  const { page, errors } = await plainPage(browser, baseURL!);
  let tampered = true;
  const asked = await serve(page, "**/plans-*.txt", changed, () => tampered);
  await page.goto("./#/plan");
  await ready(page);
  await expect(page.getByRole("alert")).toContainText(uiWord("learn", "load_failed"));
  await expect(page.getByText("Not ours")).toHaveCount(0);
  tampered = false;
  await page.getByRole("button", { name: uiWord("learn", "retry") }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator(".load-failed, [aria-busy]")).toHaveCount(0);
  await expect(page.locator("main h1")).toBeVisible();
  expect(asked).toEqual([...changed.keys(), ...changed.keys()]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a words file changed in one text (same checksum): Spanish's is refused and the app fetches English's itself, also checked; both changed, the page says Closer cannot start and offers a reload; as built, Spanish", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const shell = shellWords("es");
  const files = built(".", /^words-[0-9a-f]{8}\.txt$/);
  const en = files.find(([, b]) => b.includes("Strongly disagree"))![0];
  const es = files.find(([f]) => f !== en)![0];
  const changed = new Map(files.map(([f, b]) => [f, sameChecksum(b, f === en ? "Strongly disagree" : "Muy en desacuerdo", "Not ours")]));
  const lang = (name: string) => (name === en ? "en" : "es");

  // Spanish's refused by the start-up script's fetch; English's, fetched by the app, taken.
  let { page, errors } = await plainPage(browser, baseURL!, "es-ES");
  let asked = await serve(page, "**/words-*.txt", changed, (name) => name === es);
  await page.goto("./#/quiz");
  await ready(page);
  await expect(page.getByRole("radio", { name: "Strongly disagree" })).toBeVisible();
  await expect(page.getByText("Not ours")).toHaveCount(0);
  expect(asked.map(lang)).toEqual(["es", "en"]);
  expect(errors).toEqual([]);
  await page.context().close();

  // Both changed: nothing half-made shows, and a reload is offered.
  ({ page, errors } = await plainPage(browser, baseURL!, "es-ES"));
  asked = await serve(page, "**/words-*.txt", changed, () => true);
  await page.goto("./#/quiz");
  await expect(page.getByRole("alert")).toContainText(shell.failed_to_start, { timeout: 15_000 });
  await expect(page.getByRole("button", { name: shell.reload })).toBeFocused();
  await expect(page.locator("main")).toHaveCount(0);
  await expect(page.getByText("Not ours")).toHaveCount(0);
  expect(asked.map(lang)).toEqual(["es", "en"]);
  expect(errors).toEqual([]);

  // As built, on the reload offered: Spanish (the check-in's first statement), from its own
  // words file alone.
  await page.unrouteAll();
  asked = await serve(page, "**/words-*.txt", changed, () => false);
  await page.getByRole("button", { name: shell.reload }).click();
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("radio", { name: "Muy en desacuerdo" })).toBeVisible();
  expect(asked.map(lang)).toEqual(["es"]);
  expect(errors).toEqual([]);
  await page.context().close();
});
