import { defineConfig } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// End-to-end tests drive a release build (dist/) in Debian's Chromium, served on loopback.
// The network here is closed, so Chromium must not try to reach anything by itself.
export const chromiumArgs: string[] = JSON.parse(readFileSync(join(__dirname, "scripts/chromium-args.json"), "utf8"));

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
    launchOptions: { executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: chromiumArgs },
    trace: "off",
  },
  webServer: [
    {
      // CLOSER_DIST: another build to test (make test-hydration: dist-hydration/).
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
