import AxeBuilder from "@axe-core/playwright";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Browser, Page } from "@playwright/test";
import { test, expect, ready, watch } from "./fixtures";
import { statements, uiWord, onScreen, Statement, DIMENSIONS } from "./content";
import { ROUTES, seed } from "./routes";

// Issue 17: Closer in Spanish, chosen by the browser or the person.

const DIST = join(__dirname, "../../dist");
const HOST = "http://localhost:4174";

/** The words files of the build, by language: English's holds the English answer labels. */
function wordsFiles(): { en: string; es: string } {
  const files = readdirSync(DIST).filter((f) => /^words-[0-9a-f]{8}\.txt$/.test(f));
  expect(files).toHaveLength(2);
  const en = files.find((f) => readFileSync(join(DIST, f), "utf8").includes("Strongly disagree"))!;
  const es = files.find((f) => f !== en)!;
  return { en, es };
}

/** The words (lowercased, letters only) of a text. */
const wordsOf = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);

/** Words of the English words file that no Spanish text of the app uses: one of them on a page
 *  shown in Spanish is English left over. */
function englishOnlyWords(): Set<string> {
  const { en, es } = wordsFiles();
  const spanish = wordsOf(
    [readFileSync(join(DIST, es), "utf8"), ...readdirSync(join(__dirname, "../../content/es/pages")).map((f) => readFileSync(join(__dirname, "../../content/es/pages", f), "utf8"))].join("\n"),
  );
  return new Set([...wordsOf(readFileSync(join(DIST, en), "utf8"))].filter((w) => !spanish.has(w)));
}

/** A person with a browser of their own, whose language is `locale`. */
async function person(browser: Browser, problems: string[], baseURL: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  watch(page, problems, [new URL(baseURL).origin]);
  return page;
}

/** The words files this page asked for. */
function wordsRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (r) => {
    const m = r.url().match(/words-[0-9a-f]{8}\.txt$/);
    if (m) asked.push(m[0]);
  });
  return asked;
}

test.describe("a browser whose language is Spanish", () => {
  test.use({ locale: "es-ES" });

  test("gets Spanish on every route, with no English word left, and only the Spanish words file", async ({ page }) => {
    test.setTimeout(120_000);
    const english = englishOnlyWords();
    // Dates are written by the browser's Intl: Spanish month names ("may") are Spanish here.
    const months = new Set(await page.evaluate(() => [...Array(12).keys()].flatMap((m) => ["short", "long"].map((month) => new Date(2026, m, 15).toLocaleDateString("es", { month: month as "short" | "long" })))));
    const asked = wordsRequests(page);
    const partner = await seed(page);
    const found: string[] = [];
    for (const route of [...ROUTES, `#/compare/${partner}`, "#/no-such-page"]) {
      await page.goto("about:blank");
      await page.goto(`./${route}`);
      await ready(page);
      if (route.startsWith("#/learn/")) await expect(page.locator(".prose p").first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.lang), route).toBe("es");
      // The switch names English in English, on purpose; everything else is Spanish.
      await expect(page.locator(".languages a")).toHaveText("English");
      const visible = await page.evaluate(() => {
        document.querySelectorAll(".languages").forEach((e) => e.remove());
        return [document.title, document.body.innerText, ...[...document.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label"))].join("\n");
      });
      const left = [...wordsOf(visible)].filter((w) => english.has(w) && !months.has(w));
      if (left.length) found.push(`${route}: ${left.join(", ")}`);
    }
    expect(found).toEqual([]);
    // The page title and description follow the language.
    await page.goto("about:blank");
    await page.goto("./#/learn");
    await ready(page);
    await expect(page).toHaveTitle(`${uiWord("learn", "title", "es")} · Closer`);
    expect(await page.locator("meta[name=description]").getAttribute("content")).toMatch(/^Un cuestionario de cinco minutos/);
    // Only the Spanish words were ever fetched, never the English ones as well.
    expect(new Set(asked)).toEqual(new Set([wordsFiles().es]));
  });

  test("axe finds no violations on any route in Spanish", async ({ page }) => {
    test.setTimeout(120_000);
    const partner = await seed(page);
    const found: string[] = [];
    for (const route of [...ROUTES, `#/compare/${partner}`]) {
      await page.goto("about:blank");
      await page.goto(`./${route}`);
      await ready(page);
      if (route.startsWith("#/learn/")) await expect(page.locator(".prose p").first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations) found.push(`${route}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    }
    expect(found).toEqual([]);
  });
});

test("the switch changes the language, names each language in itself, and the choice survives a reload", async ({ page }) => {
  const asked = wordsRequests(page);
  await page.goto("./#/learn/safety");
  await ready(page);
  await expect(page.locator(".prose")).toContainText("Signs to take seriously");
  // The other language, named in itself, in its own language.
  const toSpanish = page.locator(".site-header .languages a");
  await expect(toSpanish).toHaveText("Español");
  await expect(toSpanish).toHaveAttribute("lang", "es");
  await toSpanish.click();
  await expect(page.locator("main h1")).toHaveText("Seguridad");
  await expect(page.locator(".prose")).toContainText("Señales que hay que tomar en serio");
  await expect(page.locator(".site-header .languages a")).toHaveText("English");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
  await expect(page).toHaveTitle("Seguridad · Closer");
  // Kept with the record, so the page opened afresh in this English browser is in Spanish.
  await expect.poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem("closer.v1"))) ?? "{}").language).toBe("es");
  await page.goto("about:blank");
  await page.goto("./#/learn");
  await ready(page);
  await expect(page.locator("main h1")).toHaveText(uiWord("learn", "title", "es"));
  await page.reload();
  await ready(page);
  await expect(page.locator("main h1")).toHaveText(uiWord("learn", "title", "es"));
  // Each page load fetched one words file: English's first, then only Spanish's.
  expect(asked).toEqual([wordsFiles().en, wordsFiles().es, wordsFiles().es, wordsFiles().es]);
  // And back, on any page.
  await page.locator(".site-header .languages a").click();
  await expect(page.locator("main h1")).toHaveText("Learn");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await page.goto("about:blank");
  await page.goto("./#/learn");
  await ready(page);
  await expect(page.locator("main h1")).toHaveText("Learn");
});

/** Completes a check-in in language `lang`, each statement answered with `pick`, every area rated `rating`. */
async function takeCheckIn(page: Page, lang: string, pick: (s: Statement) => number, rating: number) {
  const all = statements(lang);
  await page.getByRole("button", { name: uiWord("home", "start", lang) }).click();
  for (let n = 1; n <= all.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(uiWord("quiz", "progress", lang).replace("{done}", String(n)).replace("{total}", String(all.length)));
    await page.keyboard.press(String(pick(await onScreen(page, lang)) + 1));
  }
  await page.getByRole("link", { name: uiWord("review", "continue", lang) }).click();
  const groups = page.locator("fieldset[data-kind=importance]");
  for (let g = 0; g < 8; g++) await groups.nth(g).locator("label").nth(rating).click();
  await page.getByRole("button", { name: uiWord("importance", "see_results", lang) }).click();
  await expect(page.locator("[data-dimension]")).toHaveCount(8);
}

async function scores(page: Page) {
  const dims = await page.locator(".dimension-result").evaluateAll((els) => els.map((e) => [e.getAttribute("data-dimension"), e.getAttribute("data-score")]));
  return { overall: await page.locator("[data-overall]").getAttribute("data-overall"), dims };
}

test("a whole check-in in Spanish gives the same scores for the same answers as in English", async ({ browser, problems, baseURL }) => {
  test.setTimeout(120_000);
  // Varied answers by statement, the safety screen's "Strongly disagree".
  const pick = (s: Statement) => (s.safety ? 0 : [...s.id].reduce((n, c) => n + c.charCodeAt(0), 0) % 5);
  const results: Record<string, Awaited<ReturnType<typeof scores>>> = {};
  for (const [lang, locale] of [["en", "en-US"], ["es", "es-MX"]]) {
    const page = await person(browser, problems, baseURL!, locale);
    await page.goto("./");
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await takeCheckIn(page, lang, pick, 3);
    await expect(page.locator("main h1")).toHaveText(uiWord("results", "title", lang));
    results[lang] = await scores(page);
    await page.context().close();
  }
  expect(results.es.dims.map(([d]) => d)).toEqual(DIMENSIONS);
  expect(results.es.dims.every(([, s]) => /^\d+$/.test(s ?? ""))).toBe(true);
  expect(results.es).toEqual(results.en);
});

test("an English link compared from a Spanish browser, and the link back compared in English", async ({ browser, problems, baseURL }) => {
  test.setTimeout(90_000);
  // Alex, in English, with finished check-ins: makes a link.
  const alex = await person(browser, problems, baseURL!, "en-GB");
  await seed(alex);
  await alex.goto("./#/results");
  await ready(alex);
  await alex.getByLabel("Your first name (optional)").fill("Alex");
  const link = await alex.locator("#invite-link").inputValue();
  // Sam's browser speaks Spanish: the same link opens the comparison in Spanish.
  const sam = await person(browser, problems, baseURL!, "es-AR");
  await seed(sam);
  await sam.goto(link);
  await ready(sam);
  await expect(sam.locator("main h1")).toHaveText(uiWord("compare", "title", "es"));
  await expect(sam.locator(".compare-chart [data-dimension]")).toHaveCount(8);
  await expect(sam.locator(".compare-chart")).toHaveAttribute("aria-label", /tuyas y de Alex/);
  await expect(sam.locator('.mark-list li[data-mark]')).toHaveCount(8);
  await expect(sam.locator(".mark-list")).toContainText(/Fortaleza compartida|Área para crecer en común|Una diferencia/);
  // Sam's link back, made in Spanish, opens in English for Alex.
  await sam.getByLabel(uiWord("invite", "name_label", "es")).fill("Sam");
  const back = await sam.locator("#invite-link").inputValue();
  await alex.goto(back);
  await ready(alex);
  await expect(alex.locator("main h1")).toHaveText("Compare results");
  await expect(alex.locator(".compare-chart")).toHaveAttribute("aria-label", /you and Sam/);
  await expect(alex.locator('.mark-list li[data-mark]')).toHaveCount(8);
});

test("data-lang on the embed's div picks the language", async ({ browser, problems }) => {
  const page = await browser.newPage({ locale: "en-US" });
  watch(page, problems, [HOST, "http://127.0.0.1:4173"]);
  await page.goto(`${HOST}/post-es.html`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator("main h1")).toHaveText(uiWord("home", "title", "es"), { timeout: 15_000 });
  await expect(page.locator("iframe")).toHaveAttribute("title", "Closer: un cuestionario sobre la cercanía emocional");
  await page.close();
});
