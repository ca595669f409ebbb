import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Route } from "@playwright/test";
import { test, expect, ready, LABELS } from "./fixtures";

// Pages prerendered at build time by the app's own components (src/bin/prerender.rs): the front
// page, over which the app mounts, and the explainer's pages at real paths, read without the app.

const pagesIn = (lang: string) => readdirSync(join(__dirname, "../../content", lang, "pages"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const text = readFileSync(join(__dirname, "../../content", lang, "pages", f), "utf8");
    const field = (name: string) => JSON.parse(text.match(new RegExp(`^${name} = (.*)$`, "m"))![1]);
    return { slug: field("slug"), title: field("title"), description: field("description"), order: Number(text.match(/^order = (\d+)$/m)![1]) };
  })
  .sort((a, b) => a.order - b.order);
const PAGES = pagesIn("en");
const PAGES_ES = pagesIn("es");

/** Takes away the offline worker a first visit registered: it would answer the next visit from its
 *  cache, where holding back the wasm cannot reach (tests/e2e/offline.spec.ts tests the worker). */
async function withoutWorker(page: Page) {
  await page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
}

/** Holds back the wasm until the returned function is called: the page stays as prerendered. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A check-in in progress: the first statement answered, the second on screen. */
async function answerTheFirstStatement(page: Page) {
  await page.goto("./#/quiz");
  await ready(page);
  await page.getByText(LABELS[3], { exact: true }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
}

/** A check-in in progress (the second statement on screen), then `path` opened afresh with the
 *  wasm held back (see holdWasm), no worker answering from its cache: returns the release. */
async function reopenInProgress(page: Page, path: string): Promise<() => void> {
  await answerTheFirstStatement(page);
  await withoutWorker(page);
  await page.goto("about:blank");
  const release = await holdWasm(page);
  await page.goto(path);
  return release;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every explainer page is a page of its own at a real path: its words, title, description, and links to the others", async ({ page }) => {
    expect(PAGES.length).toBeGreaterThanOrEqual(15);
    for (const p of PAGES) {
      await page.goto(`./learn/${p.slug}/`);
      await expect(page.locator("h1")).toHaveText(p.title);
      await expect(page.locator(".prose p").first()).toBeVisible();
      await expect(page.locator(".prose [aria-busy], .loading")).toHaveCount(0);
      await expect(page).toHaveTitle(`${p.title} · Closer`);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", p.description);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${p.title} · Closer`);
      await expect(page.locator(".guide a")).toHaveText(PAGES.map((q) => q.title));
      // Links within the words lead to real pages too, not to this page's fragment.
      for (const href of await page.locator(".prose a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
        expect(href, `${p.slug}: ${href}`).toMatch(/^(https:\/\/|tel:|sms:|\.\.\/\.\.\/(learn\/[a-z-]+\/|check-in\/|#\/[a-z]+)$)/);
      }
    }
    // Walking from the contents through every page by "next", as a reader without scripts would.
    await page.goto("./learn/");
    await expect(page.locator("h1")).toHaveText("Learn");
    await page.getByRole("link", { name: PAGES[0].title }).first().click();
    for (let i = 1; i < PAGES.length; i++) {
      await page.getByRole("link", { name: `Next: ${PAGES[i].title}` }).click();
      await expect(page).toHaveURL(new RegExp(`/learn/${PAGES[i].slug}/$`));
      await expect(page.locator("h1")).toHaveText(PAGES[i].title);
    }
    // The way back into the app.
    await expect(page.getByRole("link", { name: "Check-in", exact: true })).toHaveAttribute("href", "../../check-in/");
  });

  test("every explainer page is also a Spanish page under es/, in Spanish, linked to its English twin both ways", async ({ page }) => {
    expect(PAGES_ES.map((p) => p.slug).sort()).toEqual(PAGES.map((p) => p.slug).sort());
    for (const p of PAGES_ES) {
      await page.goto(`./es/learn/${p.slug}/`);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.locator("h1")).toHaveText(p.title);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", p.description);
      await expect(page.locator(".guide a")).toHaveText(PAGES_ES.map((q) => q.title));
      for (const href of await page.locator(".prose a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
        expect(href, `es ${p.slug}: ${href}`).toMatch(/^(https:\/\/|tel:|sms:|\.\.\/\.\.\/\.\.\/(es\/learn\/[a-z-]+\/|es\/check-in\/|es\/|\?hl=es#\/[a-z]+)$)/);
      }
    }
    // The switch leads to the same page in English, and back; the app opens in Spanish from here.
    const empathy = PAGES.find((p) => p.slug === "empathy")!;
    const empatia = PAGES_ES.find((p) => p.slug === "empathy")!;
    await page.goto("./es/learn/empathy/");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/learn\/empathy\/$/);
    await expect(page.locator("h1")).toHaveText(empathy.title);
    await page.getByRole("link", { name: "Español" }).click();
    await expect(page).toHaveURL(/\/es\/learn\/empathy\/$/);
    await expect(page.locator("h1")).toHaveText(empatia.title);
    await expect(page.locator("header nav a").first()).toHaveAttribute("href", /^\.\.\/\.\.\/\.\.\/es\/check-in\/$/);
  });
});

/** The page's elements, their attributes and words, in order (text split or joined alike). */
function shape(page: Page) {
  return page.locator("body").evaluate((body) => {
    const out: string[] = [];
    const walk = (el: Element) => {
      for (const child of el.children) {
        if (child.tagName === "NOSCRIPT") continue;
        const text = [...child.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("").trim();
        out.push(`${child.tagName} ${[...child.attributes].map((a) => `${a.name}=${a.value}`).sort().join(" ")} ${JSON.stringify(text)}`);
        walk(child);
      }
    };
    walk(body);
    return out;
  });
}

test("the prerendered front page is what the app renders: the same elements, attributes and words", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await expect(page.locator("h1")).toHaveText("How close do you feel?");
  const prerendered = await shape(page);
  expect(prerendered.length).toBeGreaterThan(20);
  release();
  await ready(page);
  expect(await shape(page)).toEqual(prerendered);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  await expect(page).toHaveURL(/#\/quiz$/);
  await expect(page.locator("legend").first()).toBeVisible();
});

test("the front page is styled from its first paint without a second file, and its CSP allows only that style", async ({ page }) => {
  const css: string[] = [];
  page.on("request", (r) => { if (r.url().endsWith(".css")) css.push(r.url()); });
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const release = await holdWasm(page);
  await page.goto("./");
  // The prerendered page, before any script of ours has run: the skip link is out of sight
  // (only the stylesheet puts it there) and the header is laid out as a row.
  await expect(page.locator("h1")).toHaveText("How close do you feel?");
  const skip = await page.locator(".skip-link").boundingBox();
  expect(skip!.y + skip!.height).toBeLessThanOrEqual(0);
  expect(await page.locator(".site-header").evaluate((e) => getComputedStyle(e).display)).toBe("flex");
  release();
  await ready(page);
  expect(css).toEqual([]);
  expect(violations).toEqual([]);
  // The inline stylesheet is allowed by its hash alone: no 'unsafe-inline' anywhere.
  const policy = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
  expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(policy).not.toContain("unsafe-inline");
});

test("a choice made on the prerendered page before the app is ready is taken", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await page.getByRole("button", { name: "Start the check-in" }).click();
  // Still the prerendered page: the app's code has not arrived.
  await expect(page.locator("body[data-prerendered]")).toHaveCount(1);
  release();
  await expect(page).toHaveURL(/#\/quiz$/);
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  // And the app goes on from there.
  await page.getByText(LABELS[3], { exact: true }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
});

test("the app mounts afresh over the prerendered front page: its elements are replaced by the app's own", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await page.getByRole("button", { name: "Start the check-in" }).evaluate((b) => ((b as HTMLElement & { mark?: boolean }).mark = true));
  release();
  await ready(page);
  const kept = await page.getByRole("button", { name: "Start the check-in" }).evaluate((b) => (b as HTMLElement & { mark?: boolean }).mark === true);
  expect(kept).toBe(false);
  // The app's own: it answers the button.
  await page.getByRole("button", { name: "Start the check-in" }).click();
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
});

test("the focus a keyboard gave an element of the prerendered front page stays on it when the app takes over", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  const start = page.getByRole("button", { name: "Start the check-in" });
  await start.focus();
  await expect(start).toBeFocused();
  release();
  await ready(page);
  // The app's own button now (the prerendered one is gone), with the focus on it.
  await expect(page.locator("body[data-prerendered]")).toHaveCount(0);
  await expect(start).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
});

test("a link followed on the prerendered page before the app is ready is where the app starts", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./");
  await page.locator("header").getByRole("link", { name: "Check-in" }).click();
  await expect(page).toHaveURL(/#\/quiz$/);
  release();
  await ready(page);
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
});

test("the check-in's first statement at check-in/ is answerable before the app is ready, and the app takes that answer and goes on", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./check-in/");
  // The address is the app's at once (check-in/ moves it before asking for anything).
  await expect(page).toHaveURL(/\/#\/quiz$/);
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(page).toHaveTitle("Check-in · Closer");
  const statement = await page.locator("legend").textContent();
  // Styled with no script of ours run yet: the skip link is out of sight.
  const skip = await page.locator(".skip-link").boundingBox();
  expect(skip!.y + skip!.height).toBeLessThanOrEqual(0);
  await page.getByText(LABELS[3], { exact: true }).click();
  // Still the prerendered page: the app's code has not arrived.
  await expect(page.locator("body[data-prerendered]")).toHaveCount(1);
  release();
  // Taken as a click made now: the answer kept, and on to the second statement.
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.locator("legend")).toHaveText(statement!);
  await expect(page.getByRole("radio", { name: LABELS[3], exact: true })).toBeChecked();
});

test("index.html, es/ and each check-in/ carry one CSP, which allows their inline scripts by their hashes, a <base>, and nothing inline else", async ({ request }) => {
  const policy = async (path: string) => (await (await request.get(path)).text()).match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
  const index = await policy("./");
  expect(await policy("./es/")).toEqual(index);
  expect(await policy("./check-in/")).toEqual(index);
  expect(await policy("./es/check-in/")).toEqual(index);
  expect(index).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*'){3} 'wasm-unsafe-eval';/);
  expect(index).toContain("base-uri 'self'");
  expect(index).not.toContain("unsafe-inline");
});

test("es/check-in/ is the first statement in Spanish: answerable before the app is ready, then the app in Spanish takes the answer", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./es/check-in/");
  // The app's address, asking for Spanish.
  await expect(page).toHaveURL(/\/\?hl=es#\/quiz$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText(/^1 de \d+$/)).toBeVisible();
  const statement = await page.locator("legend").textContent();
  await page.getByText("De acuerdo", { exact: true }).click();
  await expect(page.locator("body[data-prerendered]")).toHaveCount(1);
  release();
  await expect(page.getByText(/^2 de \d+$/)).toBeVisible();
  await page.getByRole("button", { name: "Atrás" }).click();
  await expect(page.locator("legend")).toHaveText(statement!);
  await expect(page.getByRole("radio", { name: "De acuerdo", exact: true })).toBeChecked();
});

test("es/ is the front page in Spanish: there before the app is ready, its start button taken once it is, and the explainer's Spanish pages lead to it", async ({ page }) => {
  // A static page: it runs no script, so no worker is there to answer from its cache.
  await page.goto("./es/learn/empathy/");
  const release = await holdWasm(page);
  await page.locator("header").getByRole("link", { name: "Closer", exact: true }).click();
  // The app's address, asking for Spanish; the page in Spanish with no app yet.
  await expect(page).toHaveURL(/\/\?hl=es#\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Closer");
  await page.getByRole("button", { name: "Empezar el cuestionario" }).click();
  await expect(page.locator("body[data-prerendered]")).toHaveCount(1);
  release();
  await expect(page).toHaveURL(/\?hl=es#\/quiz$/);
  await expect(page.getByText(/^1 de \d+$/)).toBeVisible();
});

test("es/ with English asked for shows nothing of its Spanish markup: the app renders the front page in English", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./es/?hl=en");
  await expect(page).toHaveURL(/\/\?hl=en#\/$/);
  await expect(page.locator("main")).toHaveCount(0);
  release();
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Start the check-in" })).toBeVisible();
});

test("an answer chosen by keyboard on check-in/ before the app is ready is chosen by the app too, without moving on", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./check-in/");
  // Arrow keys in a radio group choose the next option (the browser's own, with no app yet).
  await page.getByRole("radio", { name: LABELS[0], exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: LABELS[1], exact: true })).toBeChecked();
  release();
  await ready(page);
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(page.getByRole("radio", { name: LABELS[1], exact: true })).toBeChecked();
  // The focus is where the keyboard left it, on the app's own radio now.
  await expect(page.getByRole("radio", { name: LABELS[1], exact: true })).toBeFocused();
  // The app has it: "Next" where an unanswered statement offers "Skip".
  await expect(page.getByRole("button", { name: "Next" })).toBeVisible();
});

test("the focus a keyboard put on a link of check-in/ before the app is ready stays there when the app takes over", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./check-in/");
  const learn = page.locator("header").getByRole("link", { name: "Learn" });
  await learn.focus();
  await expect(learn).toBeFocused();
  release();
  await ready(page);
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(page.locator("body[data-prerendered]")).toHaveCount(0);
  // The app's own link, and the app's start did not move the focus on to the statement.
  await expect(learn).toBeFocused();
});

test("with nothing focused on check-in/, the app's first statement takes the focus when the app is ready, as at #/quiz", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./check-in/");
  await expect(page.getByRole("radio", { name: LABELS[0], exact: true })).not.toBeFocused();
  release();
  await ready(page);
  await expect(page.locator("body[data-prerendered]")).toHaveCount(0);
  await expect(page.getByRole("radio", { name: LABELS[0], exact: true })).toBeFocused();
});

test("the prerendered first statement is what the app renders: the same elements, attributes and words", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./check-in/");
  await expect(page.locator("legend")).toHaveCount(1);
  const prerendered = await shape(page);
  expect(prerendered.length).toBeGreaterThan(20);
  release();
  await ready(page);
  expect(await shape(page)).toEqual(prerendered);
});

test("check-in/ with a check-in in progress shows the person's own statement, never the first one first", async ({ page }) => {
  const release = await reopenInProgress(page, "./check-in/");
  await expect(page).toHaveURL(/\/#\/quiz$/);
  await expect(page.locator("main")).toHaveCount(0);
  release();
  await ready(page);
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
});

test("check-in/ works in a build served from a folder, and explainer pages lead to it", async ({ page }) => {
  await page.goto("./a/b/closer/learn/empathy/");
  await page.getByRole("link", { name: "Check-in", exact: true }).click();
  await expect(page).toHaveURL(/\/a\/b\/closer\/#\/quiz$/);
  await ready(page);
  await page.getByText(LABELS[4], { exact: true }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
});

test("a check-in in progress is offered again once the app has taken over the front page", async ({ page }) => {
  await answerTheFirstStatement(page);
  await page.goto("about:blank");
  await page.goto("./");
  await ready(page);
  await expect(page.getByRole("button", { name: /Continue/ })).toBeVisible();
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
});

test("today's fragment addresses of explainer pages still work", async ({ page }) => {
  await page.goto("./#/learn/empathy");
  await ready(page);
  await expect(page.locator("h1")).toHaveText("Empathy");
  await expect(page.locator(".prose p").first()).toBeVisible();
});

test("a click made before the app is ready on what the person's own state does not show is dropped: a check-in in progress is never started over by it", async ({ page }) => {
  const release = await reopenInProgress(page, "./");
  // The prerendered page knows nothing of the answers kept in this browser.
  await page.getByRole("button", { name: "Start the check-in" }).click();
  release();
  await ready(page);
  await expect(page.getByRole("button", { name: /Continue/ })).toBeVisible();
  await page.getByRole("button", { name: /Continue/ }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
});

test("without the site's address the build writes no sitemap.xml and no robots.txt (a canonical link needs a full address)", async ({ request, page }) => {
  for (const file of ["sitemap.xml", "robots.txt"]) expect((await request.get(file)).status(), file).toBe(404);
  await page.goto("./learn/empathy/");
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
});
