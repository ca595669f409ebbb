// A page in jsdom, for the tests of what the start-up script does in the document.
import { JSDOM } from "jsdom";

export function page(body, { url = "http://closer.test/" } = {}) {
  const dom = new JSDOM(`<!DOCTYPE html><html lang="en"><head></head><body>${body}</body></html>`, { url, pretendToBeVisual: true });
  return dom.window;
}

/** Puts the app's markup in place of the body's (as the app's mount does), then raises closer-ready. */
export function appReady(win, body) {
  win.document.body.innerHTML = body;
  win.dispatchEvent(new win.Event("closer-ready"));
}
