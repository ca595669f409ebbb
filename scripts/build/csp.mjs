// Step "csp" (release): the Content-Security-Policy as a meta tag right after <meta charset> (no
// 'unsafe-inline', no 'unsafe-eval'); the page must have no inline script left. Checked resources
// (integrity) are fetched with CORS, or a sandboxed frame could not use them.
import { StepError } from "./util.mjs";

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
  "worker-src 'self'",
  "manifest-src 'self'",
].join("; ");

export function csp(ctx) {
  const $ = ctx.$;
  if ($("script:not([src])").length) throw new StepError("index.html", "an inline script is left; the CSP would block it");
  $('link[rel="stylesheet"][integrity], link[rel="icon"][integrity]').each((_, link) => {
    if (!$(link).attr("crossorigin")) $(link).attr("crossorigin", "anonymous");
  });
  const charset = $("meta[charset]");
  if (charset.length !== 1) throw new StepError("index.html", "no <meta charset> to put the CSP after");
  charset.after(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
}
