/**
 * The one-way flow of docs/architecture.md, checked on every `npm run lint`:
 *
 *   routes ─▶ web (request glue) ─▶ models (the domain) ─▶ emails (messages, the queue) ─▶ lib, i18n ─▶ db
 *   worker (claim, deliver, scheduled jobs) ─▶ models, emails
 *   server (Express, the page cache) ─▶ the built app
 *
 * Each rule names a backward step. Types may cross a line upwards (a message names the model's
 * row types); running code may not.
 */

const LAYERS = {
  routes: "^app/(routes/|root\\.tsx$|entry\\.server\\.tsx$)",
  web: "^app/web/",
  components: "^app/components/",
  models: "^app/models/",
  emails: "^emails/",
  lib: "^app/(lib|i18n)/",
  db: "^db/",
  worker: "^worker/",
  server: "^(server/|server\\.ts$)",
  seeds: "^seeds/",
};

const rule = (name, comment, from, to, { runtimeOnly = false } = {}) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: {
    path: to,
    ...(runtimeOnly ? { dependencyTypesNot: ["type-only"] } : {}),
  },
});

const any = (...names) => names.map((name) => LAYERS[name]).join("|");

module.exports = {
  forbidden: [
    rule(
      "nothing-imports-a-route",
      "A route is the top of the flow: what it offers others belongs in web/, models/ or lib/.",
      `^(?!${LAYERS.routes.slice(1)})`,
      LAYERS.routes,
    ),
    rule(
      "models-know-no-requests",
      "The domain knows nothing of requests, pages, the server or the worker that runs it.",
      LAYERS.models,
      any("web", "components", "worker", "server", "seeds"),
    ),
    rule(
      "emails-are-messages",
      "A message is data in, content out; the queue is written by models. Neither calls up.",
      LAYERS.emails,
      any("web", "components", "worker", "server", "seeds"),
    ),
    rule(
      "emails-below-models",
      "Models queue messages; a message that ran model code would turn the flow around.",
      LAYERS.emails,
      LAYERS.models,
      { runtimeOnly: true },
    ),
    rule(
      "lib-is-pure",
      "Helpers and schemas sit below everything that uses them.",
      LAYERS.lib,
      any("web", "components", "models", "emails", "worker", "server", "seeds"),
      { runtimeOnly: true },
    ),
    rule(
      "lib-reads-no-database",
      "Helpers may name the schema's types; the database is for models.",
      LAYERS.lib,
      LAYERS.db,
      { runtimeOnly: true },
    ),
    rule(
      "db-is-the-bottom",
      "The data layer reads its settings and nothing above it.",
      LAYERS.db,
      `${any("web", "components", "models", "emails", "worker", "server", "seeds")}|^app/lib/(?!config\\.server\\.ts$)`,
    ),
    rule(
      "web-serves-routes",
      "Request glue is called by routes; it does not reach into the worker or the server.",
      LAYERS.web,
      any("worker", "server", "seeds"),
    ),
    rule(
      "components-present",
      "Components render what they are given: no data access, no server code.",
      LAYERS.components,
      any("models", "db", "worker", "server", "emails", "seeds"),
      { runtimeOnly: true },
    ),
    rule(
      "one-copy-of-each-module",
      "server.ts runs the build (server/index.ts); a source module loaded beside it would be a second copy of its state.",
      "^server\\.ts$",
      "^(app|db|emails|worker|seeds|server)/",
      { runtimeOnly: true },
    ),
    rule(
      "worker-runs-the-domain",
      "The worker claims and delivers mail and runs the domain's scheduled jobs, never a page.",
      LAYERS.worker,
      any("web", "components", "server"),
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|public/build|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
