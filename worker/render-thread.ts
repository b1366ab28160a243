import { serveRenders } from "./render-pool.server";

// The entry of a render thread (see worker/render-pool.server.ts), loaded under tsx.
serveRenders();
