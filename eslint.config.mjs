// ESLint (flat config): the start-up script (startup/, which runs in the browser) and the build's
// own scripts (scripts/post-build.mjs and its steps in scripts/build/, scripts/offline.mjs, which
// run in Node). `npm run lint`; part of `make test`.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    files: ["startup/**/*.js"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: ["startup/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ["startup/test/**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["scripts/post-build.mjs", "scripts/offline.mjs", "scripts/build/**/*.mjs"],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: { ...globals.node } },
  },
  {
    rules: {
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "prefer-const": "error",
    },
  },
];
