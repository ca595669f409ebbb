// Step "stylesheet" (release): the stylesheet minified by lightningcss (the CSS engine Trunk
// itself uses), named after its new content, with its new integrity.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { transform } from "lightningcss";
import { StepError, sri, renameByContent } from "./util.mjs";

export function stylesheet(ctx) {
  const link = ctx.$('link[rel="stylesheet"]');
  const file = link.attr("href")?.replace(/^\.\//, "");
  if (link.length !== 1 || !/^main-[0-9a-f]+\.css$/.test(file ?? "")) throw new StepError("index.html", "expected one stylesheet link to main-<hash>.css");
  let css;
  try {
    css = transform({ filename: file, code: readFileSync(join(ctx.dir, file)), minify: true }).code;
  } catch (error) {
    throw new StepError(file, error.message);
  }
  const name = renameByContent(ctx.dir, file, "main", ".css", css);
  link.attr({ href: `./${name}`, integrity: sri(css) });
}
