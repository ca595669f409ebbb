// The start-up script (startup/) bundled and minified by esbuild, with the two modules it imports
// from the build: `closer:settings`, what the Rust definitions say (the record's key, version and
// fields, the quick exit's key, the languages, the prerendered routes: printed by
// core/src/bin/startup-settings.rs), and `closer:build`, this build's files and words.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

/** The settings the Rust definitions give (cargo run … --bin startup-settings). */
export function startupSettings(root, env) {
  const printed = execFileSync("cargo", ["run", "-q", "-p", "closer-core", "--features", "parse", "--bin", "startup-settings", "--", join(root, "content")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  const settings = JSON.parse(printed);
  for (const key of ["storageKey", "recordVersion", "fields", "leftKey", "languages", "routes"]) {
    if (!(key in settings)) throw new Error(`startup-settings printed no ${key}: ${printed}`);
  }
  return settings;
}

/**
 * The bundle of `entry` (startup/main.js: the release build's boot script, an ES module;
 * startup/debug.js: a debug build's inline script) with `settings` and `files` as its two
 * build modules. Returns the minified code.
 */
export async function bundleStartup({ root, entry, settings, files, format = "esm" }) {
  const modules = { "closer:settings": settings, "closer:build": files };
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format,
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    plugins: [
      {
        name: "closer-build-modules",
        setup(b) {
          b.onResolve({ filter: /^closer:/ }, (args) => ({ path: args.path, namespace: "closer" }));
          b.onLoad({ filter: /.*/, namespace: "closer" }, (args) => {
            if (!(args.path in modules)) return { errors: [{ text: `no build module ${args.path}` }] };
            return { contents: JSON.stringify(modules[args.path]), loader: "json" };
          });
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}
