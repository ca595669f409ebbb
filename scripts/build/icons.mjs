// Step "icons": the icons a phone or desktop asks for when Closer is installed, drawn from the
// mark (assets/favicon.svg) by resvg (a maintained SVG rasterizer), and the web app manifest
// (manifest.webmanifest) that lists them; their tags go into index.html's head.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as cheerio from "cheerio";
import { StepError, renameByContent } from "./util.mjs";

/** The light and dark page colours of styles/main.css: `--bg` and `--accent` of each scheme. */
export function schemeColours(css, file) {
  const dark = css.indexOf("prefers-color-scheme: dark");
  const pick = (name, from) => css.slice(from).match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i"))?.[1];
  const colours = { light: { bg: pick("bg", 0), accent: pick("accent", 0) }, dark: { bg: pick("bg", dark) } };
  if (dark < 0 || !colours.light.bg || !colours.light.accent || !colours.dark.bg) throw new StepError(file, "no --bg and --accent for light and dark");
  return colours;
}

/**
 * An icon `px` pixels square as SVG: a background (`shape`: "tile", a rounded square as launchers
 * show "any" icons, or "square", full bleed) and the mark, scaled so that what it draws fits
 * `fill` of the icon (a maskable icon keeps it in the central circle every mask keeps).
 */
export function iconSvg(mark, px, { background, shape, fill }) {
  const $ = cheerio.load(mark, { xml: true });
  const svg = $("svg").first();
  const view = (svg.attr("viewBox") ?? "").split(/[\s,]+/).map(Number);
  if (view.length !== 4 || view.some((n) => !Number.isFinite(n))) throw new Error("the mark has no viewBox");
  // What the mark draws (strokes included), in its own units.
  const box = new Resvg(mark).innerBBox();
  if (!box) throw new Error("the mark draws nothing");
  const scale = (fill * px) / Math.max(box.width, box.height);
  svg.attr({
    x: px / 2 - (box.x + box.width / 2 - view[0]) * scale,
    y: px / 2 - (box.y + box.height / 2 - view[1]) * scale,
    width: view[2] * scale,
    height: view[3] * scale,
  });
  const radius = shape === "tile" ? px * 0.22 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${px} ${px}"><rect width="${px}" height="${px}" rx="${radius}" fill="${background}"/>${$.xml(svg)}</svg>`;
}

export function icons(ctx) {
  const markFile = join(ctx.root, "assets/favicon.svg");
  const cssFile = join(ctx.root, "styles/main.css");
  const mark = readFileSync(markFile, "utf8");
  const colours = schemeColours(readFileSync(cssFile, "utf8"), cssFile);
  const bg = colours.light.bg;
  // What phones and desktops ask for: 192 and 512 px (any purpose: a rounded tile), 512 px
  // maskable (full bleed, the mark inside the central circle of 80 % that every mask keeps), and
  // 180 px for iOS's home screen (full bleed: iOS rounds the corners itself).
  const made = [
    { stem: "icon-192", px: 192, purpose: "any", look: { background: bg, shape: "tile", fill: 0.72 } },
    { stem: "icon-512", px: 512, purpose: "any", look: { background: bg, shape: "tile", fill: 0.72 } },
    { stem: "icon-maskable-512", px: 512, purpose: "maskable", look: { background: bg, shape: "square", fill: 0.62 } },
    { stem: "apple-touch-icon", px: 180, look: { background: bg, shape: "square", fill: 0.72 } },
  ].map((icon) => {
    let png;
    try {
      png = new Resvg(iconSvg(mark, icon.px, icon.look)).render().asPng();
    } catch (error) {
      throw new StepError(markFile, `${icon.stem}: ${error.message}`);
    }
    return { ...icon, name: renameByContent(ctx.dir, `${icon.stem}.png`, icon.stem, ".png", png) };
  });
  const manifest = {
    name: ctx.words.share_title,
    short_name: ctx.words.title,
    description: ctx.words.description,
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
    icons: made.filter((i) => i.purpose).map((i) => ({ src: `./${i.name}`, sizes: `${i.px}x${i.px}`, type: "image/png", purpose: i.purpose })),
  };
  ctx.writeFile("manifest.webmanifest", JSON.stringify(manifest));
  const apple = made.find((i) => i.stem === "apple-touch-icon");
  const head = ctx.$("head");
  head.append(`<link rel="manifest" href="./manifest.webmanifest">`);
  head.append(`<link rel="apple-touch-icon" href="./${apple.name}">`);
  head.append(`<meta name="theme-color" content="${colours.light.accent}" media="(prefers-color-scheme: light)">`);
  head.append(`<meta name="theme-color" content="${colours.dark.bg}" media="(prefers-color-scheme: dark)">`);
}
