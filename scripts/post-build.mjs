// Trunk post-build hook (see Trunk.toml). It writes the explainer pages' bodies into pages/
// (the app fetches one when it is opened), and in a release build it also:
//  1. moves Trunk's inline start-up script into its own file, so the page needs no inline script;
//  2. adds the Content-Security-Policy as a meta tag (no 'unsafe-inline', no 'unsafe-eval');
//  3. minifies wasm-bindgen's JavaScript glue (41 → 19 KB, 7.0 → 5.6 KB gzip) and updates its
//     integrity hash;
//  4. checks that every file the page references exists.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'none'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run through trunk");
  process.exit(1);
}
// The page bodies, from the same parser and checks as the build: content/en/pages → pages/*.html.
const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

execFileSync("cargo", ["run", "-q", "-p", "closer-core", "--features", "parse", "--bin", "export-pages", "--", join(root, "content/en/pages"), dir], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

if (release) {
  html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (_, code) => {
    const name = `boot-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
    writeFileSync(join(dir, name), code.trim() + "\n");
    return `<script type="module" src="./${name}"></script>`;
  });
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
    console.error("post-build: an inline script is left in index.html; the CSP would block it");
    process.exit(1);
  }
  // Checked resources (integrity) must be fetched with CORS, or a sandboxed frame cannot use them.
  html = html.replace(/<link rel="(stylesheet|icon)"(?![^>]*crossorigin)([^>]*integrity=)/g, '<link rel="$1" crossorigin="anonymous"$2');
  // The glue is generated code: minify it, then give the page the new file's integrity hash.
  const glue = html.match(/<link rel="modulepreload" href="\.\/([^"]+\.js)"[^>]*integrity="([^"]+)"/);
  if (!glue) {
    console.error("post-build: no modulepreload link for the wasm-bindgen glue in index.html");
    process.exit(1);
  }
  const gluePath = join(dir, glue[1]);
  const { code } = await minify(readFileSync(gluePath, "utf8"), { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(gluePath, code);
  const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
  html = html.replace(glue[2], integrity);
  html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
  if (!html.includes("Content-Security-Policy")) {
    console.error("post-build: could not place the CSP meta after <meta charset>");
    process.exit(1);
  }
}

const missing = [...html.matchAll(/\s(?:href|src)="\.\/([^"#?]+)"/g)].map((m) => m[1]).filter((f) => !existsSync(join(dir, f)));
if (missing.length) {
  console.error(`post-build: index.html references missing files: ${missing.join(", ")}`);
  process.exit(1);
}
writeFileSync(indexPath, html);
