// The three engines and their WebDriver servers, as Debian ships them:
//   webkit    WebKitGTK's WebKitWebDriver driving MiniBrowser, on a virtual display (xvfb-run)
//   firefox   Firefox ESR through geckodriver, headless
//   chromium  Chromium through chromedriver, headless (Chromium where CHROME_PATH says, else
//             where Debian or Ubuntu puts it: scripts/chromium.mjs)
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { homedir } from "node:os";
import { chromiumPath } from "../../scripts/chromium.mjs";

const root = join(import.meta.dirname, "../..");

function which(names) {
  const dirs = [join(homedir(), ".cargo/bin"), ...(process.env.PATH ?? "").split(":")];
  for (const name of names) {
    if (name.startsWith("/")) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`not found: ${names.join(" or ")} (run scripts/tools.sh test)`);
}

const MINIBROWSER = ["/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "/usr/libexec/webkit2gtk-4.1/MiniBrowser"];

export const ENGINES = {
  webkit: {
    command: (port) => [which(["xvfb-run"]), ["-a", "-s", "-screen 0 1280x1024x24", which(["WebKitWebDriver"]), `--port=${port}`]],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: which(MINIBROWSER), args: ["--automation"] },
    }),
  },
  firefox: {
    command: (port) => [which(["geckodriver"]), ["--port", String(port), "--log", "error"]],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: which(["/usr/bin/firefox-esr", "/usr/bin/firefox"]),
        args: ["-headless", "-width", "1280", "-height", "900"],
        // The network here is closed: nothing of Firefox's own should try to go out.
        prefs: {
          "app.update.auto": false,
          "browser.safebrowsing.malware.enabled": false,
          "browser.safebrowsing.phishing.enabled": false,
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
          "extensions.update.enabled": false,
        },
      },
    }),
  },
  chromium: {
    command: (port) => [which([process.env.CHROMEDRIVER || "chromedriver", "chromedriver", "chromium.chromedriver"]), [`--port=${port}`]],
    capabilities: () => {
      const options = JSON.parse(readFileSync(join(root, "webdriver.json"), "utf8"))["goog:chromeOptions"];
      return {
        browserName: "chrome",
        "goog:chromeOptions": { ...options, binary: chromiumPath(), args: [...options.args, "--window-size=1280,900"] },
      };
    },
  },
};

/** Starts the WebDriver server of `engine` on `port` and waits until it is ready. `restart()`
 *  stops it, with every browser it started, and starts it again on the same port. */
export async function startDriver(engine, port) {
  const url = `http://127.0.0.1:${port}`;
  let child = await launch(engine, port, url);
  /** Stops the driver and what it started, and waits until it has gone. */
  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    await gone;
  }
  return {
    url,
    capabilities: ENGINES[engine].capabilities(),
    stop,
    async restart() {
      await stop();
      // The port is free once the driver has gone; wait for it to stop answering all the same.
      for (let i = 0; i < 50 && (await fetch(`${url}/status`).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
      child = await launch(engine, port, url);
    },
  };
}

async function launch(engine, port, url) {
  // Another server on this port would answer for ours.
  if (await fetch(`${url}/status`).then(() => true, () => false)) throw new Error(`port ${port} is already in use`);
  const [cmd, args] = ENGINES[engine].command(port);
  // A process group of its own, so that stopping it also stops Xvfb and the browser.
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${engine} driver exited: ${stderr}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {}
    if (Date.now() > end) throw new Error(`${engine} driver did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}
