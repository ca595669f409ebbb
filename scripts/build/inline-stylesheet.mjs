// Step "inline stylesheet" (release): the app's pages carry the stylesheet inside them (a
// <style> allowed by its hash in the CSP) instead of linking it: the prerendered front page paints
// without waiting for a second file (docs/decisions.md), and the first load is the same bytes in
// one file fewer. The static explainer pages keep the link: the worker keeps the file once for
// all of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StepError, editCsp, allowIn, cspHash } from "./util.mjs";

/** Puts the stylesheet `$` (the page `file`) links to inside it. */
export function inlineStylesheet($, dir, file) {
  const link = $('link[rel="stylesheet"]');
  const css = link.attr("href")?.replace(/^(\.\.?\/)+/, "");
  if (link.length !== 1 || !css) throw new StepError(file, "no stylesheet link to put inline");
  const text = readFileSync(join(dir, css), "utf8");
  if (/<\/style/i.test(text)) throw new StepError(css, 'contains "</style", which would end the inline stylesheet');
  editCsp($, file, (policy) => allowIn(policy, "style-src", cspHash(text)));
  link.replaceWith($("<style></style>").text(text));
}

export function inlineIndexStylesheet(ctx) {
  inlineStylesheet(ctx.$, ctx.dir, "index.html");
}
