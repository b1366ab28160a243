import { parseSnapshot, renderSnapshot } from "../../emails/render.server";
import { serveRenders } from "../../worker/render-pool.server";

// A render thread (see worker/render-pool.server.ts) that fails on three addresses, as a thread
// can: the message to render.throws@… throws while rendering; the one to thread.crash@… takes
// the whole thread down (an uncaught exception) while its render is under way; the one to
// render.hangs@… never answers.
serveRenders(async (kind, data) => {
  if (data.includes("render.hangs@")) return new Promise(() => {});
  if (data.includes("thread.crash@")) {
    setImmediate(() => {
      throw new Error("the render thread crashed");
    });
    return new Promise(() => {});
  }
  if (data.includes("render.throws@")) throw new Error("this message cannot be rendered");
  return renderSnapshot(parseSnapshot(kind, data));
});
