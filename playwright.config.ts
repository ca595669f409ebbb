import { defineConfig } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

// End-to-end tests drive a release build (dist/) in the system's Chromium, served on loopback.
// The network here is closed, so Chromium must not try to reach anything by itself.
export const chromiumArgs: string[] = JSON.parse(readFileSync(join(__dirname, "scripts/chromium-args.json"), "utf8"));
// Chromium: CHROME_PATH if set, else where Debian (chromium) or Ubuntu (chromium-browser) puts it
// (as scripts/chromium.mjs looks, for the bench and the cross-engine suite).
const places = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
export const chromiumPath: string = process.env.CHROME_PATH || places.find((p) => existsSync(p)) || places[0];
if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${process.env.CHROME_PATH || places.join(" or ")}: run scripts/tools.sh test, or set CHROME_PATH`);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: "http://127.0.0.1:4173/",
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: "off",
  },
  // The hostile record's tests time the main thread (no task over 200 ms): they run last, on
  // their own, so the other tests' load on a small machine is not counted against the app.
  projects: [
    { name: "main", testIgnore: /hostile-record\.spec\.ts/ },
    { name: "timed", testMatch: /hostile-record\.spec\.ts/, dependencies: ["main"], fullyParallel: false },
  ],
  webServer: [
    {
      // CLOSER_DIST: another build to test (default dist/).
      command: `node scripts/serve.mjs --dir ${process.env.CLOSER_DIST ?? "dist"} --port 4173 --prefix / --prefix /some/path/ --prefix /quiz/ --prefix /a/b/closer/`,
      url: "http://127.0.0.1:4173/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // Another origin: blog pages that embed the app.
      command: "node scripts/serve.mjs --dir tests/e2e/hosts --port 4174",
      url: "http://127.0.0.1:4174/post.html",
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
