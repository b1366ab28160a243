import { installGlobals } from "@remix-run/node";
import type * as Bundle from "./server/index";

installGlobals({ nativeFetch: true });

// Everything the server runs comes from the build (server/index.ts), never from the sources
// beside it: one copy of each module, so one database handle and one change counter.
const BUNDLE_PATH = "./build/index.js";
const { build, startServer } = (await import(BUNDLE_PATH)) as typeof Bundle;
await startServer(build);
