// Step "worker": sw.js, last, from every file the build wrote. Release: the worker that keeps them
// for use offline (scripts/offline.mjs: startup/sw.js after Workbox's list of the files and their
// revisions). Debug: a worker that removes a release build's worker and caches met at the same
// address, so live reload sees fresh files.
import { serviceWorker, RETIRING_WORKER } from "../offline.mjs";
import { StepError } from "./util.mjs";

export async function worker(ctx) {
  let code = RETIRING_WORKER;
  if (ctx.release) {
    try {
      code = await serviceWorker(ctx.dir);
    } catch (error) {
      throw new StepError("sw.js", error.message);
    }
  }
  ctx.writeFile("sw.js", code);
}
