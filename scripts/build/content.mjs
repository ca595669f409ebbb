// Step "content": each language's words file (fetched at start when it is the language shown),
// the explainer pages' bodies (fetched when a page opens) and the plans files, from the same
// parser, checks and code generator as the app's build: `export-content` writes them into the
// build. Each words file's Subresource Integrity, of the bytes written, goes to the start-up
// script, which fetches it with it; the words file ends with its bodies' and plans file's.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { StepError, sri } from "./util.mjs";

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
  ctx.wordsIntegrity = Object.fromEntries(Object.entries(ctx.wordsFiles).map(([code, file]) => [code, sri(readFileSync(join(ctx.dir, file)))]));
  checkNamedIntegrity(ctx.dir, Object.values(ctx.wordsFiles));
}

/** Each integrity at a words file's end (its page bodies', then its plans file's) is, by Node's
 *  hash, that of a page body or plans file in the build: else the app could fetch none of them. */
export function checkNamedIntegrity(dir, wordsFiles) {
  const files = [...readdirSync(join(dir, "pages")).map((f) => join("pages", f)), ...readdirSync(dir).filter((f) => /^plans-[0-9a-f]{8}\.txt$/.test(f))];
  const built = new Set(files.map((f) => sri(readFileSync(join(dir, f)))));
  for (const file of wordsFiles) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    const named = [];
    while (lines.length && lines.at(-1).startsWith("sha384-")) named.push(lines.pop());
    const unknown = named.filter((i) => !built.has(i));
    if (named.length < 2 || unknown.length) throw new StepError(file, `the integrity at its end names ${named.length} files, ${unknown.length} not in the build: ${unknown.join(" ")}`);
  }
}
