// Working offline and installing like an app, written by the build (scripts/post-build.mjs):
//  - the icons, drawn from the mark (assets/favicon.svg: its circles, redrawn at each size, with no
//    rasteriser to install), and the web app manifest (manifest.webmanifest);
//  - the service worker (sw.js) of a release build: it lists the files this build produced, by
//    their hashed names, keeps them in a cache named after their contents, serves them from there
//    first, and drops the caches of older builds once it takes over;
//  - in a debug build (`trunk serve`), a worker that retires: it removes a release build's
//    worker and caches met at the same address, so live reload sees fresh files.
//
//   node scripts/offline.mjs sw DIR   writes DIR/sw.js for the files in DIR (the tests' second build)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { getManifest } from "workbox-build";
import { transform } from "esbuild";
import { deflateSync, crc32 } from "node:zlib";

const hash = (bytes, n = 16) => createHash("sha256").update(bytes).digest("hex").slice(0, n);

/** The circles of the mark: `<circle cx cy r stroke stroke-width fill="none">` in a viewBox. */
export function markCircles(svg) {
  const view = svg.match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  if (!view || view[1] !== view[2]) throw new Error("the mark's viewBox is not square from 0 0");
  const circles = [...svg.matchAll(/<circle\b([^>]*)\/?>/g)].map(([, attrs]) => {
    const get = (name) => attrs.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    const colour = get("stroke");
    if (get("fill") !== "none" || !/^#[0-9a-f]{6}$/i.test(colour ?? "")) throw new Error("the mark's circles must be rings: fill none, a #rrggbb stroke");
    return { cx: +get("cx"), cy: +get("cy"), r: +get("r"), width: +get("stroke-width"), rgb: [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) };
  });
  if (!circles.length) throw new Error("the mark has no circles");
  return { size: +view[1], circles };
}

/**
 * An icon `px` pixels square: an optional background (`shape`: "square" fills the icon,
 * "tile" is a rounded square, as launchers show "any" icons) and the mark, scaled so that its
 * rings' outer box fits `fill` of the icon (a maskable icon keeps it in the central safe circle).
 * Edges are smoothed by each pixel's distance to the ring's edge. Returns RGBA bytes.
 */
export function drawIcon(mark, px, { background, shape, fill }) {
  const out = new Uint8Array(px * px * 4);
  const left = Math.min(...mark.circles.map((c) => c.cx - c.r - c.width / 2));
  const right = Math.max(...mark.circles.map((c) => c.cx + c.r + c.width / 2));
  const top = Math.min(...mark.circles.map((c) => c.cy - c.r - c.width / 2));
  const bottom = Math.max(...mark.circles.map((c) => c.cy + c.r + c.width / 2));
  // Pixels per unit of the mark, and the mark's centre at the icon's centre.
  const scale = (fill * px) / Math.max(right - left, bottom - top);
  const mx = (left + right) / 2, my = (top + bottom) / 2;
  const radius = shape === "tile" ? px * 0.22 : 0;
  // Edge coverage in 16 steps: smooth to the eye, and few enough colours for a palette PNG.
  const coverage = (distance) => Math.round(Math.min(1, Math.max(0, 0.5 - distance)) * 15) / 15;
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      const X = x + 0.5, Y = y + 0.5;
      let rgb = [0, 0, 0], a = 0;
      if (background) {
        // The tile's corners: distance outside a rounded square, in pixels.
        const dx = Math.max(radius - X, X - (px - radius), 0), dy = Math.max(radius - Y, Y - (px - radius), 0);
        a = radius ? coverage(Math.hypot(dx, dy) - radius) : 1;
        rgb = background;
      }
      for (const c of mark.circles) {
        const ux = (X - px / 2) / scale + mx, uy = (Y - px / 2) / scale + my;
        const k = coverage((Math.abs(Math.hypot(ux - c.cx, uy - c.cy) - c.r) - c.width / 2) * scale);
        if (!k) continue;
        // Source over: this ring over what is drawn so far.
        const na = k + a * (1 - k);
        rgb = rgb.map((v, i) => (c.rgb[i] * k + v * a * (1 - k)) / na);
        a = na;
      }
      out.set([...rgb.map(Math.round), Math.round(a * 255)], (y * px + x) * 4);
    }
  }
  return out;
}

/**
 * RGBA bytes as a PNG: with a palette when there are at most 256 colours (an icon has a few
 * dozen), else 8-bit RGBA; each row filtered with the filter that suits it best.
 */
export function png(rgba, px) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4), crc = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const view = new DataView(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const colours = new Map();
  for (let i = 0; i < px * px && colours.size <= 256; i++) {
    const c = view.getUint32(i * 4);
    if (!colours.has(c)) colours.set(c, colours.size);
  }
  const indexed = colours.size <= 256;
  const bpp = indexed ? 1 : 4;
  const pixels = indexed ? Uint8Array.from({ length: px * px }, (_, i) => colours.get(view.getUint32(i * 4))) : rgba;
  const stride = px * bpp;
  const raw = Buffer.alloc((stride + 1) * px);
  for (let y = 0; y < px; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    // A palette's indices are not amounts: its rows go unfiltered.
    const candidates = indexed ? [row] : [
      row,
      row.map((v, i) => v - (i >= 4 ? row[i - 4] : 0)),
      row.map((v, i) => v - up[i]),
    ];
    const cost = (r) => r.reduce((s, v) => s + (v < 128 ? v : 256 - v), 0);
    let best = 0;
    candidates.forEach((r, i) => { if (cost(r) < cost(candidates[best])) best = i; });
    raw[y * (stride + 1)] = best;
    raw.set(candidates[best], y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header.set([8, indexed ? 3 : 6, 0, 0, 0], 8);
  const palette = [...colours.keys()];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...(indexed
      ? [
          chunk("PLTE", Buffer.from(palette.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))),
          chunk("tRNS", Buffer.from(palette.map((c) => c & 255))),
        ]
      : []),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The light and dark page colours of styles/main.css: `--bg` and `--accent` of each scheme. */
export function schemeColours(css) {
  const dark = css.indexOf("prefers-color-scheme: dark");
  const pick = (name, from) => css.slice(from).match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i"))?.[1];
  const colours = { light: { bg: pick("bg", 0), accent: pick("accent", 0) }, dark: { bg: pick("bg", dark) } };
  if (dark < 0 || !colours.light.bg || !colours.light.accent || !colours.dark.bg) throw new Error("styles/main.css: no --bg and --accent for light and dark");
  return colours;
}

/**
 * Writes the icons and manifest.webmanifest into `dir`; returns the tags for index.html's head.
 * `words` are content/en/shell.toml's (the app's name and description).
 */
export function writeManifest(dir, { svg, css, words }) {
  const mark = markCircles(svg);
  const colours = schemeColours(css);
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const bg = rgb(colours.light.bg);
  // What phones and desktops ask for: 192 and 512 px (any purpose: a rounded tile), 512 px
  // maskable (full bleed, the mark inside the central circle of 80 % that every mask keeps), and
  // 180 px for iOS's home screen (full bleed: iOS rounds the corners itself).
  const icons = [
    { stem: "icon-192", px: 192, purpose: "any", look: { background: bg, shape: "tile", fill: 0.72 } },
    { stem: "icon-512", px: 512, purpose: "any", look: { background: bg, shape: "tile", fill: 0.72 } },
    { stem: "icon-maskable-512", px: 512, purpose: "maskable", look: { background: bg, shape: "square", fill: 0.62 } },
    { stem: "apple-touch-icon", px: 180, look: { background: bg, shape: "square", fill: 0.72 } },
  ].map((icon) => {
    const bytes = png(drawIcon(mark, icon.px, icon.look), icon.px);
    const name = `${icon.stem}-${hash(bytes)}.png`;
    writeFileSync(join(dir, name), bytes);
    return { ...icon, name };
  });
  const manifest = {
    name: words.share_title,
    short_name: words.title,
    description: words.description,
    lang: "en",
    dir: "ltr",
    // Relative to this file: the folder Closer is served from, whatever it is.
    start_url: "./",
    scope: "./",
    display: "standalone",
    background_color: colours.light.bg,
    theme_color: colours.light.accent,
    // The manifest's member for dark colour schemes (w3c/manifest#1207); ignored where unknown.
    color_scheme_dark: { background_color: colours.dark.bg, theme_color: colours.dark.bg },
    icons: icons.filter((i) => i.purpose).map((i) => ({ src: `./${i.name}`, sizes: `${i.px}x${i.px}`, type: "image/png", purpose: i.purpose })),
  };
  writeFileSync(join(dir, "manifest.webmanifest"), JSON.stringify(manifest));
  const apple = icons.find((i) => i.stem === "apple-touch-icon");
  return [
    `<link rel="manifest" href="./manifest.webmanifest" />`,
    `<link rel="apple-touch-icon" href="./${apple.name}" />`,
    `<meta name="theme-color" content="${colours.light.accent}" media="(prefers-color-scheme: light)" />`,
    `<meta name="theme-color" content="${colours.dark.bg}" media="(prefers-color-scheme: dark)" />`,
  ].join("\n    ");
}

/**
 * Every file of a build that the worker keeps, with its revision (Workbox's getManifest): all but
 * the worker itself, embed.js (for other sites' pages), what only crawlers read (sitemap.xml,
 * robots.txt), dot files, and the static explainer pages of languages other than English
 * (`es/learn/…`: 16 pages, about 40 KB gzip, that every first visit would otherwise fetch;
 * offline, the app's own `#/learn/…` pages show them in the reader's language from the page
 * bodies it keeps). A file whose name has a hash in it has no revision (its name is one); any
 * other has a hash of its content. Returns `[{ url, revision }]` in the order of the file names.
 */
export async function precacheEntries(dir) {
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: dir,
    globPatterns: ["**/*"],
    globIgnores: ["sw.js", "embed.js", "sitemap.xml", "robots.txt", "[a-z][a-z]/learn/**"],
    dontCacheBustURLsMatching: HASHED,
    maximumFileSizeToCacheInBytes: 8 << 20,
  });
  if (warnings.length) throw new Error(`workbox getManifest: ${warnings.join("; ")}`);
  return manifestEntries.map(({ url, revision }) => ({ url, revision: revision ?? null })).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** A name with a hash in it (a build names such files after their content). */
export const HASHED = /-[0-9a-f]{8,}[._]/;

/**
 * The service worker of the build in `dir`: startup/sw.js, minified, after the list of the files
 * it keeps and their revisions. A new build whose kept files differ is a new worker (the browser
 * compares sw.js byte for byte), and it fetches only the files that changed; an unchanged build
 * is not a new worker.
 */
export async function serviceWorker(dir) {
  const entries = await precacheEntries(dir);
  if (!entries.some((e) => e.url === "index.html")) throw new Error(`${dir} has no index.html`);
  const source = readFileSync(new URL("../startup/sw.js", import.meta.url), "utf8");
  const { code } = await transform(source, { minify: true, target: "es2022", legalComments: "none" });
  // Each file by its name (every static host serves index.html by its name; the worker answers the
  // folder's address with it). FILES is read by scripts/sizes.mjs too.
  return `const FILES = ${JSON.stringify(entries.map((e) => `./${e.url}`))};\nconst REVISIONS = ${JSON.stringify(entries.map((e) => e.revision))};\n${code}`;
}

/** The worker a debug build serves at sw.js: it removes a release build's worker and caches from this address. */
export const RETIRING_WORKER = `// A debug build of Closer keeps nothing offline: this worker replaces a release build's worker
// met at the same address, removes its caches and itself, and reloads the pages it served.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  const prefix = "closer " + self.registration.scope + " ";
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => caches.delete(n))))
      .then(() => self.registration.unregister())
      .then(() => self.clients.matchAll({ type: "window" }))
      .then((pages) => pages.forEach((page) => page.navigate(page.url)))
  );
});
`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command !== "sw" || !dir) {
    console.error("usage: node scripts/offline.mjs sw DIR");
    process.exit(2);
  }
  writeFileSync(join(dir, "sw.js"), await serviceWorker(dir));
}
