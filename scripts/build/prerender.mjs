// Step "prerender" (release builds only): the pages with fixed content, prerendered by the app's
// own components with Yew's server renderer (src/bin/prerender.rs, run natively, once per
// language):
// - the front page into index.html, over which the app mounts;
// - the app's pages at real paths (es/, check-in/, es/check-in/): index.html, scripts and all,
//   with that route's markup, language and title; their first script moves the address to the
//   app's folder (see `relocation`);
// - the explainer's pages as pages of their own at real paths (learn/<slug>/, es/learn/<slug>/),
//   read with or without JavaScript;
// each with its own title and description and, when the build is given the site's address
// (CLOSER_SITE_URL), canonical link, hreflang links, sitemap.xml and robots.txt.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { StepError, parsePage, editCsp, allowIn, cspHash } from "./util.mjs";
import { missingReferences } from "./references.mjs";
import { inlineStylesheet } from "./inline-stylesheet.mjs";

const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The site's address, if the build is given it (CLOSER_SITE_URL=https://example.org/closer/). */
export function siteUrl(given) {
  if (!given) return null;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new StepError("CLOSER_SITE_URL", `not an address: ${given}`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) throw new StepError("CLOSER_SITE_URL", `must be an http(s) address without ? or #: ${given}`);
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/**
 * An app page's first script: it takes the <base> away and moves the address to the app's folder,
 * with the route in the fragment (and `?hl=<code>` for a language other than English, unless the
 * address asks for one), before the page asks for anything else (`replaceState`: no new request).
 * From then on it is the app at that route, as if opened at index.html. Allowed by its hash in the
 * CSP, like the inline stylesheet; without scripts, the <base> does the same for the page's files
 * and links.
 */
export function relocation(page, english) {
  return `document.querySelector("base").remove();history.replaceState(history.state,"",new URL(${JSON.stringify(page.root)},location.href).pathname+(location.search||${JSON.stringify(page.lang === english ? "" : `?hl=${page.lang}`)})+(location.hash||${JSON.stringify(page.route)}))`;
}

export function prerender(ctx) {
  const { dir, root } = ctx;
  const languages = Object.keys(ctx.wordsFiles);
  const english = languages[0];
  // One run per language, on its own words file and folder.
  const entries = Object.entries(ctx.wordsFiles).flatMap(([code, file]) => {
    try {
      return JSON.parse(
        execFileSync("cargo", ["run", "-q", "--features", "ssr", "--bin", "prerender", "--", join(dir, file), join(root, "content", code)], {
          cwd: root,
          env: ctx.hostEnv,
          encoding: "utf8",
          maxBuffer: 64 << 20,
          stdio: ["ignore", "pipe", "inherit"],
        }),
      );
    } catch (error) {
      throw new StepError(`content/${code}`, `the prerender failed: ${error.message.split("\n")[0]}`);
    }
  });
  const site = siteUrl(ctx.siteUrl);
  // The page as it stands (scripts, CSP and all): what each app page is made from.
  const base = ctx.$.html();
  const relocations = entries.filter((e) => e.app).map((e) => relocation(e, english));
  // One CSP for index.html and every app page, which allows every such script by its hash (so one
  // header taken from index.html fits them all).
  const allow = ($, file) =>
    editCsp($, file, (policy) =>
      relocations
        .reduce((p, r) => allowIn(p, "script-src", cspHash(r)), policy)
        .replace("base-uri 'none'", "base-uri 'self'"),
    );
  if (relocations.length) allow(ctx.$, "index.html");

  // A static page's head: the front page's, without its scripts and preloads (nothing runs
  // there), its addresses made relative to the page's folder, with the page's own words.
  const staticHead = (page) => {
    const $ = parsePage(base);
    $('script, link[rel="modulepreload"], link[rel="preload"]').remove();
    $("head [href], head [content]").each((_, el) => {
      for (const attr of ["href", "content"]) {
        const value = $(el).attr(attr);
        if (value?.startsWith("./")) $(el).attr(attr, page.root + value.slice(2));
      }
    });
    $('meta[property="og:type"]').attr("content", "article");
    $('meta[property="og:description"]').attr("content", page.description);
    return $;
  };
  for (const page of entries) {
    // What every page of its own says of itself: its language, title and description, links to
    // its address and its versions in other languages (whole addresses: only with the site's).
    const named = ($, description) => {
      $("html").attr("lang", page.lang);
      $("title").text(page.title);
      $('meta[name="description"]').attr("content", description);
      $('meta[property="og:title"]').attr("content", page.title);
    };
    const withMeta = ($) => {
      if (!site) return;
      const head = $("head");
      head.append(`<link rel="canonical" href="${escapeXml(site + page.path)}">`, `<meta property="og:url" content="${escapeXml(site + page.path)}">`);
      const versions = entries.filter((e) => e.key === page.key);
      if (versions.length > 1) {
        for (const v of versions) head.append(`<link rel="alternate" hreflang="${escapeXml(v.lang)}" href="${escapeXml(site + v.path)}">`);
        head.append(`<link rel="alternate" hreflang="x-default" href="${escapeXml(site + versions.find((v) => v.lang === english).path)}">`);
      }
    };
    // The route the markup shows, and the markup, first in the body.
    const showing = ($) => {
      $("body").attr("data-prerendered", page.route).prepend(page.body);
    };
    if (page.file === "index.html") {
      withMeta(ctx.$);
      showing(ctx.$);
      continue;
    }
    if (page.app) {
      const $ = parsePage(base);
      named($, ctx.shells[page.lang].description);
      withMeta($);
      showing($);
      const first = $('meta[http-equiv="Content-Security-Policy"]').length ? $('meta[http-equiv="Content-Security-Policy"]') : $("meta[charset]");
      if (!first.length) throw new StepError(page.file, "index.html has no <meta charset> to put the address's move after");
      first.after($("<script></script>").text(relocation(page, english))).after(`<base href="${escapeXml(page.root)}">`);
      allow($, page.file);
      inlineStylesheet($, dir, page.file);
      ctx.writeFile(page.file, $.html());
      continue;
    }
    const $ = staticHead(page);
    named($, page.description);
    withMeta($);
    $("body").empty().removeAttr("data-prerendered").append(page.body);
    const missing = missingReferences($, dir, page.file);
    if (missing.length) throw new StepError(page.file, `references missing files: ${missing.join(", ")}`);
    ctx.writeFile(page.file, $.html());
  }
  if (site) {
    const paths = entries.map((p) => p.path);
    ctx.writeFile("sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths.map((p) => `  <url><loc>${escapeXml(site + p)}</loc></url>`).join("\n")}\n</urlset>\n`);
    ctx.writeFile("robots.txt", `User-agent: *\nAllow: /\n\nSitemap: ${site}sitemap.xml\n`);
  }
}
