// What a person does on the prerendered page before the app is ready is handed to the app once
// it runs with the person's state (it raises `closer-ready`, src/web/dom.rs), as if it had been
// done then:
// - a button clicked: the button at the same place is clicked, if it is still the same button
//   (the same words);
// - an answer clicked: the answer with the same id (the same option of the same statement), after
//   the same kind of input (src/web/input.rs: a pointer's click moves on, a key's only chooses);
// - the focus (where a keyboard user is): the app's markup replaces the page's, which would drop
//   the focus to the start of the page, and the app's own start may move it (the check-in
//   focuses its first option); it is put back on the same element (the app's with its id, else
//   at its place with the same words) before the clicks are handed over, which may move it on as
//   the app does. Focus that leaves for nowhere (a click on the page's background) is forgotten;
//   focus taken from an element by the app's markup replacing it is not.
// Links need nothing: the app reads the address when it starts.

/** An element's place below `body`: the index among its parent's children at each level. */
export function placeOf(el, body) {
  const path = [];
  for (let e = el; e.parentElement && e !== body; e = e.parentElement) path.unshift([...e.parentElement.children].indexOf(e));
  return path;
}

/** The element at `path` below `body`, if there is one. */
export function atPlace(path, body) {
  return path.reduce((e, i) => e?.children[i], body);
}

/**
 * Starts recording on `win` (its document's clicks, inputs and focus); hands them over when
 * `readyEvent` is raised, then stops. Returns the recorded state, for tests.
 */
export function handOver(win, { readyEvent = "closer-ready" } = {}) {
  const doc = win.document;
  const early = [];
  let pointer = false;
  let focused = null;
  const recordClick = (e) => {
    if (e.target instanceof win.HTMLInputElement && e.target.type === "radio") {
      early.push({ answer: e.target.id, pointer });
      return;
    }
    const button = e.target instanceof win.Element && e.target.closest("button");
    if (button) early.push({ place: placeOf(button, doc.body), words: button.textContent });
  };
  const recordInput = (e) => {
    pointer = e.type === "pointerdown";
  };
  const recordFocus = (e) => {
    if (e.type === "focusin") {
      focused = { element: e.target, place: placeOf(e.target, doc.body) };
      return;
    }
    // After the focus has moved: forgotten only if it went nowhere while the element stayed.
    win.queueMicrotask(() => {
      if (focused?.element === e.target && e.target.isConnected && doc.activeElement === doc.body) focused = null;
    });
  };
  const listeners = [
    ["click", recordClick],
    ["pointerdown", recordInput],
    ["keydown", recordInput],
    ["focusin", recordFocus],
    ["focusout", recordFocus],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  win.addEventListener(
    readyEvent,
    () => {
      doc.body.removeAttribute("data-prerendered");
      for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
      const was = focused?.element;
      if (was && doc.activeElement !== was) {
        const again = was.isConnected ? was : was.id ? doc.getElementById(was.id) : atPlace(focused.place, doc.body);
        if (again?.tagName === was.tagName && again.textContent === was.textContent) again.focus({ preventScroll: true });
      }
      for (const click of early.splice(0)) {
        if ("answer" in click) {
          const answer = doc.getElementById(click.answer);
          if (answer?.type !== "radio") continue;
          win.dispatchEvent(click.pointer ? new win.PointerEvent("pointerdown") : new win.KeyboardEvent("keydown"));
          answer.click();
          continue;
        }
        const button = atPlace(click.place, doc.body);
        if (button?.tagName === "BUTTON" && button.textContent === click.words) button.click();
      }
    },
    { once: true },
  );
  return { early, focused: () => focused };
}
