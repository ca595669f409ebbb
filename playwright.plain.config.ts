import { defineConfig } from "@playwright/test";
import base, { chromiumArgs, chromiumPath } from "./playwright.config";

// The smoke test of the plain release build (dist-plain/, see scripts/build-release.sh).
export default defineConfig({
  ...base,
  testDir: "tests/plain",
  use: { ...base.use, baseURL: "http://127.0.0.1:4175/", launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
  webServer: [
    {
      command: "node scripts/serve.mjs --dir dist-plain --port 4175",
      url: "http://127.0.0.1:4175/",
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
