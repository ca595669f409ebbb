import { test, expect, ready } from "./fixtures";

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
