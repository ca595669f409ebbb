// Step "references": every file a page references (href, src: relative addresses) exists.
import { existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { StepError } from "./util.mjs";

/** The files `$` (the page at `file` in `dir`) references that are missing. */
export function missingReferences($, dir, file) {
  const missing = [];
  $("[href], [src]").each((_, el) => {
    for (const attr of ["href", "src"]) {
      const value = $(el).attr(attr);
      if (!value || /^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(value)) continue;
      const path = value.split(/[?#]/)[0];
      if (!path || path.endsWith("/")) continue;
      if (!existsSync(join(dir, dirname(file), path))) missing.push(path);
    }
  });
  return missing;
}

export function references(ctx) {
  const missing = missingReferences(ctx.$, ctx.dir, "index.html");
  if (missing.length) throw new StepError("index.html", `references missing files: ${missing.join(", ")}`);
}
