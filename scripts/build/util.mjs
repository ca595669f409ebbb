// What the post-build's steps share: the error that names the file a step failed on, content
// hashes, and reading and writing a page with an HTML parser (cheerio, over parse5).
import { readFileSync, writeFileSync, mkdirSync, unlinkSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createHash } from "node:crypto";
import * as cheerio from "cheerio";

/** A step's failure at `file` (the runner, scripts/post-build.mjs, names the step). */
export class StepError extends Error {
  constructor(file, message) {
    super(message);
    this.file = file;
  }
}

/** The first `n` hex digits of the SHA-256 of `bytes`: the hash a build names a file after. */
export const contentHash = (bytes, n = 16) => createHash("sha256").update(bytes).digest("hex").slice(0, n);
/** An integrity value (Subresource Integrity) for `bytes`. */
export const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
/** A CSP source for an inline script or style of exactly `text`. */
export const cspHash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** A page parsed (cheerio's `$`). */
// Parsed as by a browser with scripting off, so that a <noscript>'s content is elements, not text.
export const parsePage = (html) => cheerio.load(html, { scriptingEnabled: false });
export function readPage(path) {
  return parsePage(readFileSync(path, "utf8"));
}
export function writeFile(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** The page's Content-Security-Policy meta tag, changed by `edit(policy) → policy`. */
export function editCsp($, file, edit) {
  const meta = $('meta[http-equiv="Content-Security-Policy"]');
  if (meta.length !== 1) throw new StepError(file, "expected one Content-Security-Policy meta tag");
  const before = meta.attr("content");
  const after = edit(before);
  if (after === before) throw new StepError(file, `the CSP did not change: ${before}`);
  meta.attr("content", after);
}

/** Adds `source` to the CSP's `directive` (e.g. "style-src"), after its 'self' and the sources added before. */
export function allowIn(policy, directive, source) {
  const parts = policy.split("; ");
  const at = parts.findIndex((p) => p.split(" ")[0] === directive);
  if (at < 0) return policy;
  const tokens = parts[at].split(" ");
  let after = tokens.indexOf("'self'");
  while (after >= 0 && tokens[after + 1]?.startsWith("'sha256-")) after++;
  tokens.splice(after < 0 ? tokens.length : after + 1, 0, source);
  parts[at] = tokens.join(" ");
  return parts.join("; ");
}

/** Replaces `file` in `dir` by `content` under the name `stem-<hash><ext>`; returns the new name. */
export function renameByContent(dir, file, stem, ext, content) {
  const name = `${stem}-${contentHash(content)}${ext}`;
  writeFileSync(join(dir, name), content);
  if (name !== file) rmFile(join(dir, file));
  return name;
}
function rmFile(path) {
  if (existsSync(path)) unlinkSync(path);
}
