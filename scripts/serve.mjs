// A small static server for a release build, for the end-to-end tests and the bench.
// It serves one folder at every path prefix given (default "/"), with the right MIME types,
// gzip when the browser asks for it, and nothing else (but for a test's holdWasm, below).
// Loopback only.
//   node scripts/serve.mjs --dir dist --port 4173 --prefix / --prefix /some/path/
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { join, normalize, extname } from "node:path";
import { gzipSync } from "node:zlib";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export function startServer({ dir = "dist", port = 4173, host = "127.0.0.1", prefixes = ["/"], gzip = true, extra = {} } = {}) {
  const cache = new Map();
  const serve = (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    // Extra pages (such as a test's host page) by exact path.
    if (extra[url.pathname]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(extra[url.pathname]);
    }
    const prefix = prefixes.filter((p) => url.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    if (!prefix) return notFound(res);
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const path = normalize(join(dir, rel));
    if (!path.startsWith(normalize(dir)) || !existsSync(path) || statSync(path).isDirectory()) return notFound(res);
    let body = readFileSync(path);
    const headers = {
      "content-type": MIME[extname(path)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      // Lets a sandboxed iframe (opaque origin) load the module script and the wasm.
      "access-control-allow-origin": "*",
    };
    if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      if (!cache.has(path)) cache.set(path, gzipSync(body, { level: 9 }));
      body = cache.get(path);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  // For a test of what a person does before the app is ready: `const release =
  // server.holdWasm("/held/")` makes each request for the wasm (a path under that prefix ending
  // in _bg.wasm) wait, the page staying as prerendered, until `release()` is called. Until a test
  // calls it, nothing is held and every request is served as above.
  let held = null;
  const heldBack = (req) => {
    const path = new URL(req.url, `http://${req.headers.host}`).pathname;
    return path.startsWith(held.prefix) && path.endsWith("_bg.wasm");
  };
  const server = createServer((req, res) => (held && heldBack(req) ? held.released.then(() => serve(req, res)) : serve(req, res)));
  server.holdWasm = (prefix) => {
    let release;
    const hold = { prefix, released: new Promise((resolve) => (release = resolve)) };
    held = hold;
    return () => {
      if (held === hold) held = null;
      release();
    };
  };
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const values = args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));
    return values.length ? values : fallback;
  };
  const port = Number(opt("port", ["4173"])[0]);
  const dir = opt("dir", ["dist"])[0];
  const prefixes = opt("prefix", ["/"]);
  await startServer({ dir, port, prefixes });
  console.log(`serving ${dir} at ${prefixes.map((p) => `http://127.0.0.1:${port}${p}`).join(" and ")}`);
}
