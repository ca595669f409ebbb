// Step "content": each language's words file (fetched at start when it is the language shown)
// and the explainer pages' bodies (fetched when a page opens), from the same parser, checks and
// code generator as the app's build: `export-content` writes them into the build.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { StepError } from "./util.mjs";

export function content(ctx) {
  const printed = execFileSync("cargo", ["run", "-q", "-p", "closer-core", "--features", "parse", "--bin", "export-content", "--", join(ctx.root, "content"), ctx.dir], {
    cwd: ctx.root,
    env: ctx.hostEnv,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  // One line a language, the default first: `<code> <words file>`.
  ctx.wordsFiles = Object.fromEntries(
    printed
      .trim()
      .split("\n")
      .map((line) => line.split(" "))
      .map(([code, file]) => [code, `./${file}`]),
  );
  if (Object.keys(ctx.wordsFiles)[0] !== "en") throw new StepError("content/", `export-content listed no words file for English first: ${printed}`);
}
