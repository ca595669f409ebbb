import { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { statements, onScreen, Statement } from "./content";

const ALL = statements();

/** Completes a check-in on this page: every statement answered with `pick` (0–4), every area
 *  rated. A key ("1"–"5") answers every statement with it, except the safety screen's, which get
 *  "Strongly disagree". */
export async function takeCheckIn(page: Page, pick: string | ((s: Statement) => number), rating: number, start = "Start the check-in") {
  const choose = typeof pick === "string" ? (s: Statement) => (s.safety ? 0 : Number(pick) - 1) : pick;
  await page.getByRole("button", { name: start }).click();
  for (let n = 1; n <= ALL.length; n++) {
    await expect(page.locator(".progress-text")).toHaveText(`${n} of ${ALL.length}`);
    await page.keyboard.press(String(choose(await onScreen(page)) + 1));
  }
  await page.getByRole("link", { name: "Continue" }).click();
  const groups = page.locator("fieldset[data-kind=importance]");
  for (let g = 0; g < 8; g++) await groups.nth(g).locator("label").nth(rating).click();
  await page.getByRole("button", { name: "See my results" }).click();
}
