// The QR encoder, a module of its own (qr-<hash>.js), which the start-up script imports only when
// the app first asks for a partner link's QR code (src/web/qr.rs), so the first load pays nothing
// for it. Bundled by esbuild from lean-qr's own exports (scripts/build/qr.mjs).
import { generate } from "lean-qr/nano";
import { toSvgPath } from "lean-qr/extras/svg";

/** The code's size in modules and the SVG path of its dark ones. */
export function qr(text) {
  const code = generate(text);
  return { size: code.size, d: toSvgPath(code) };
}
