import type { Route } from "@playwright/test";
import { test, expect, ready, LABELS } from "./fixtures";
import { shellWords } from "./content";

test("the landing page says what Closer is and has a way in", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await expect(page.locator("h1")).toHaveText("How close do you feel?");
  await expect(page.getByText("Your answers stay in this browser")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await expect(page).toHaveTitle("Closer");
});

for (const path of ["/", "/some/path/"]) {
  test(`the release build works under ${path}`, async ({ page }) => {
    await page.goto(path);
    await ready(page);
    await page.getByRole("button", { name: "Start the check-in" }).click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, "\\/")}#/quiz$`));
    await expect(page.locator("legend").first()).toBeVisible();
  });
}

test("a visit writes nothing to the console, not even a warning", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto("./#/quiz");
  await ready(page);
  await page.getByText(LABELS[3], { exact: true }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  // Chromium reports an unused preload after about three seconds.
  await page.waitForTimeout(3500);
  expect(messages).toEqual([]);
});

test("every page has its own address in the fragment, and the back button works", async ({ page }) => {
  await page.goto("./#/learn");
  await ready(page);
  await expect(page.locator("h1")).toHaveText("Learn");
  await page.getByRole("link", { name: "What emotional intimacy is" }).click();
  await expect(page).toHaveURL(/#\/learn\/what-is-emotional-intimacy$/);
  await expect(page.locator("h1")).toHaveText("What emotional intimacy is");
  await page.goBack();
  await expect(page.locator("h1")).toHaveText("Learn");
});

test("an unknown address gets a clear page, not a blank one", async ({ page }) => {
  await page.goto("./#/no/such/page");
  await ready(page);
  await expect(page.locator("h1")).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the start" }).click();
  await expect(page.locator("h1")).toHaveText("How close do you feel?");
});

test("results and history before any check-in say so and offer the way in", async ({ page }) => {
  for (const [route, text] of [["#/results", "There are no results yet."], ["#/history", "No finished check-ins yet."]]) {
    await page.goto("about:blank");
    await page.goto(`./${route}`);
    await ready(page);
    await expect(page.getByText(text)).toBeVisible();
    await page.getByRole("link", { name: "Take the check-in" }).click();
    await expect(page.locator("fieldset[data-kind=statement]")).toBeVisible();
  }
});

test("when the app cannot start, the page says so and offers a reload", async ({ page, problems }) => {
  const words = shellWords();
  await page.route("**/*_bg.wasm", (route) => route.abort());
  await page.goto("./#/quiz");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(words.failed_to_start);
  await expect(page.getByRole("button", { name: words.reload })).toBeFocused();
  // The blocked wasm and the error it causes are this test's doing.
  expect(problems.length).toBeGreaterThan(0);
  problems.length = 0;
});

for (const [what, handle] of [
  ["cannot be had", (route: Route) => route.abort()],
  ["is not the one this build was made with", (route: Route) => route.fulfill({ status: 200, contentType: "text/plain", body: "Strongly disagree\nDisagree" })],
  ["is damaged by one character", async (route: Route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.replace("e", "E") });
  }],
] as const) {
  test(`when the words file ${what}, the page says the app cannot start; nothing half-made shows`, async ({ page, problems }) => {
    const words = shellWords();
    await page.route("**/words-*.txt", handle);
    await page.goto("./#/quiz");
    await expect(page.getByRole("alert")).toContainText(words.failed_to_start);
    await expect(page.getByRole("button", { name: words.reload })).toBeFocused();
    await expect(page.locator("main")).toHaveCount(0);
    // An aborted request, or the console error with which the browser refuses a file whose
    // bytes are not those its integrity names (tests/e2e/integrity.spec.ts), is this test's doing.
    problems.length = 0;
  });
}

test("a host that serves the wasm with another type still gets a working app", async ({ page }) => {
  await page.route("**/*_bg.wasm", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto("./#/quiz");
  await ready(page);
  await expect(page.locator("#quiz-form input")).toHaveCount(5);
});

test("if the app stops on an error, the page says so; your progress is kept", async ({ page }) => {
  const words = shellWords();
  await page.goto("./#/quiz");
  await ready(page);
  await page.getByText(LABELS[3], { exact: true }).click();
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  // What a trap in the wasm reports to the page (a real one would be a bug in Closer).
  await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  await expect(page.getByRole("alert")).toContainText(words.stopped);
  await page.getByRole("button", { name: words.reload }).click();
  await ready(page);
  await expect(page.getByText(/^2 of \d+$/)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("without JavaScript, the page says what Closer needs; the title and description come from content", async ({ browser, baseURL }) => {
  const words = shellWords();
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("./");
  // Whether <noscript> shows depends on the browser's own setting, which this emulation does not
  // reach; what the page holds for it is checked here.
  expect(await page.locator("noscript").textContent()).toContain(words.no_script);
  await expect(page).toHaveTitle(words.title);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", words.description);
  await context.close();
});
