import { test, expect, ready } from "../e2e/fixtures";

// The plain release build (CLOSER_PLAIN_BUILD=1: no std rebuild, no name shortening) works:
// the app starts, a statement is answered, and the answer survives a reload.
test("the plain build starts, takes an answer and keeps it across a reload", async ({ page }) => {
  await page.goto("./");
  await ready(page);
  await page.getByRole("button", { name: "Start the check-in" }).click();
  const first = page.locator("fieldset[data-kind=statement] legend");
  const statement = await first.textContent();
  await page.getByText("Agree", { exact: true }).click();
  await expect(page.locator(".progress-text")).toHaveText(/^2 of \d+$/);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("closer.v1"))).toContain('"answers":{"');
  await page.reload();
  await expect(page.locator(".progress-text")).toHaveText(/^2 of \d+$/);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(first).toHaveText(statement!);
  await expect(page.locator("fieldset[data-kind=statement] input:checked")).toHaveCount(1);
});
