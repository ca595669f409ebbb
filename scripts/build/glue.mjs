// Step "glue" (release): wasm-bindgen's JavaScript glue minified (terser); the names the wasm and
// the glue share shortened (scripts/shorten-names.mjs; not in a plain build, which keeps
// wasm-bindgen's); both files named after their new content, so a cache never pairs a new glue
// with an old wasm, and the page's preload links given their new names and integrity.
import { readFileSync, writeFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";
import { shortenNames } from "../shorten-names.mjs";
import { StepError, contentHash, sri } from "./util.mjs";

/** The glue's and the wasm's preload links Trunk wrote (their names share Trunk's hash). */
export function preloads($) {
  const glue = $('link[rel="modulepreload"]');
  const wasm = $('link[rel="preload"][as="fetch"]');
  const name = (link) => link.attr("href")?.replace(/^\.\//, "");
  if (glue.length !== 1 || wasm.length !== 1) throw new StepError("index.html", "expected one preload link for the wasm-bindgen glue and one for the wasm");
  return { glue, wasm, glueFile: name(glue), wasmFile: name(wasm) };
}

export async function glue(ctx) {
  const { glue: glueLink, wasm: wasmLink, glueFile, wasmFile } = preloads(ctx.$);
  if (!/^closer-[0-9a-f]+\.js$/.test(glueFile) || wasmFile !== glueFile.replace(/\.js$/, "_bg.wasm")) throw new StepError("index.html", `the preload links name ${glueFile} and ${wasmFile}, not one build's glue and wasm`);
  const { code: minified } = await minify(readFileSync(join(ctx.dir, glueFile), "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
  const wasm = readFileSync(join(ctx.dir, wasmFile));
  let shortened = { wasm, glue: minified };
  if (!ctx.plain) {
    try {
      shortened = shortenNames(wasm, minified);
    } catch (error) {
      throw new StepError(wasmFile, `cannot shorten the wasm's import and export names: ${error.message}`);
    }
  }
  const hash = contentHash(Buffer.concat([shortened.wasm, Buffer.from(shortened.glue)]));
  for (const file of [glueFile, wasmFile]) unlinkSync(join(ctx.dir, file));
  ctx.glue = `./closer-${hash}.js`;
  ctx.wasm = `./closer-${hash}_bg.wasm`;
  writeFileSync(join(ctx.dir, ctx.glue), shortened.glue);
  writeFileSync(join(ctx.dir, ctx.wasm), shortened.wasm);
  glueLink.attr({ href: ctx.glue, integrity: sri(shortened.glue) });
  // Chromium ignores `integrity` on a preload of the fetch kind and warns about it on every load;
  // the wasm is named after its content anyway.
  wasmLink.attr("href", ctx.wasm).removeAttr("integrity");
}
