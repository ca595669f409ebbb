// A small W3C WebDriver client over fetch: enough to drive WebKitGTK (WebKitWebDriver),
// Firefox (geckodriver) and Chromium (chromedriver) alike, with no dependency.
// https://www.w3.org/TR/webdriver2/

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export const KEY = { Enter: "\uE007", Tab: "\uE004", Space: " ", ArrowDown: "\uE015", ArrowUp: "\uE013", Shift: "\uE008" };

export class WebDriverError extends Error {}

/** Elements in a script's result become their ids, as `find` gives them. */
function unwrap(value) {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value && typeof value === "object" && ELEMENT in value) return value[ELEMENT];
  return value;
}

/** How long a command may go unanswered. A browser that has stopped (a crash) can leave its
 *  driver waiting for ever, and the suite with it; this ends such a wait with an error. */
const ANSWER_WITHIN_MS = 90_000;

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  }).catch((error) => {
    if (error?.name !== "TimeoutError") throw error;
    throw new WebDriverError(`${method} ${path}: no answer from the driver in ${ANSWER_WITHIN_MS / 1000} s (has the browser stopped?)`);
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const v = json.value ?? {};
    throw new WebDriverError(`${method} ${path}: ${v.error ?? res.status}: ${v.message ?? ""}`.trim());
  }
  return json.value;
}

/** One browser session: a fresh profile with storage of its own. */
export class Session {
  static async start(driverUrl, capabilities) {
    const value = await call(driverUrl, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    return new Session(driverUrl, value.sessionId, value.capabilities);
  }

  constructor(driverUrl, id, capabilities) {
    this.base = `${driverUrl}/session/${id}`;
    this.capabilities = capabilities;
  }

  cmd(method, path, body) {
    return call(this.base, method, path, body);
  }

  quit() {
    return this.cmd("DELETE", "");
  }

  get(url) {
    return this.cmd("POST", "/url", { url });
  }

  refresh() {
    return this.cmd("POST", "/refresh", {});
  }

  /** The address of the page shown (an error page's too, where a load failed). */
  url() {
    return this.cmd("GET", "/url");
  }

  /** The browser's Back button. */
  back() {
    return this.cmd("POST", "/back", {});
  }

  /** Runs `fn` in the page with `args` (elements given by `elementRef`); returns its result,
   *  with any element in it as its id. */
  async exec(fn, ...args) {
    return unwrap(await this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments);`, args }));
  }

  /** Runs `fn` in the page with `args` and a last argument, `done`, to call with the result. */
  async execAsync(fn, ...args) {
    return unwrap(await this.cmd("POST", "/execute/async", { script: `return (${fn}).apply(null, arguments);`, args }));
  }

  async find(css) {
    const value = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return value.map((v) => v[ELEMENT]);
  }

  /** A real click, as a pointer makes it (the driver moves the pointer and presses). */
  click(element) {
    return this.cmd("POST", `/element/${element}/click`, {});
  }

  /** Focuses `element` and types `text` into it, key by key. */
  sendKeys(element, text) {
    return this.cmd("POST", `/element/${element}/value`, { text });
  }

  /** Presses and releases each key in turn at whatever has the focus. */
  async keys(...keys) {
    const actions = keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }

  elementRef(element) {
    return { [ELEMENT]: element };
  }

  /** Switches into the iframe `element`, or back to the top page with `null`. */
  frame(element) {
    return this.cmd("POST", "/frame", { id: element === null ? null : this.elementRef(element) });
  }
}

/** Polls `check` (async, returns a truthy value when done) until it is truthy or time runs out. */
export async function waitFor(check, message, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out: ${typeof message === "function" ? await message(last) : message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
