import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Page } from "@playwright/test";
import { statements, DIMENSIONS, contentVersion } from "./content";
import { craftCode } from "./codes";

const ALL = statements();
export const SLUGS = readdirSync(join(__dirname, "../../content/en/pages")).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));

/** A stored record with two finished check-ins, one in progress and a partner link. */
function record() {
  // The safety screen answered "Strongly disagree": these are ordinary results.
  const answers = (f: (i: number) => number) => Object.fromEntries(ALL.map((s, i) => [s.id, s.safety ? 0 : f(i)]));
  const importance = Object.fromEntries(DIMENSIONS.map((d, i) => [d, i % 5]));
  const partner = craftCode(1, 1, [40, 90, 55, 70, 20, 65, 80, 35], [4, 3, 2, 4, 1, 3, 4, 2]);
  return {
    version: 2,
    progress: { content_version: contentVersion(), answers: answers((i) => i % 5), importance: {}, position: 5 },
    results: [
      { date_ms: 1780000000000, content_version: contentVersion(), answers: answers((i) => (i * 3) % 5), importance },
      { date_ms: 1781000000000, content_version: contentVersion(), answers: answers((i) => (i * 7) % 5), importance },
    ],
    comparisons: [{ received_ms: 1782000000000, code: partner, own_code: null }],
    shared_ms: 1781500000000,
    partner,
  };
}

/** Every route of the app (the comparison's needs a code: see `seed`). */
export const ROUTES = ["#/", "#/quiz", "#/review", "#/importance", "#/results", "#/history", "#/data", "#/learn", ...SLUGS.map((s) => `#/learn/${s}`)];

/** Stores `record()` before the first page of this test loads; returns the partner's link code. */
export async function seed(page: Page) {
  const r = record();
  const { partner, ...stored } = r;
  await page.addInitScript((text) => {
    if (location.protocol === "http:" && !sessionStorage.getItem("seeded")) {
      localStorage.setItem("closer.v1", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, JSON.stringify(stored));
  return partner;
}

