import * as build from "@remix-run/dev/server-build";

export { createApp } from "./app";
export { startServer } from "./main";
/**
 * What `remix build` compiles into build/index.js (remix.config.js `server`): the app and
 * everything the process runs beside it, in one bundle. `server.ts` and the tests load only
 * this file, so a process never holds a second copy of a module with state (the database
 * handle, its change counter, the SQLite writer's queue) from the sources.
 */
export { build };
