import { type AgnosticRouteObject, matchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

/**
 * The server matches every request against the app's 60-odd routes (twice: Remix, then its
 * data handler). The router made of them flattened and ranked the whole tree, and built a
 * regular expression per route, on every match; patches/@remix-run+router+1.23.3.patch keeps
 * both. These tests fail when that patch is not applied (`npm install` runs patch-package).
 */
describe("route matching", () => {
  /** A route whose path counts how often the router reads it. */
  function counted(reads: { n: number }, path: string, children?: AgnosticRouteObject[]) {
    const route = { id: path, children } as AgnosticRouteObject;
    Object.defineProperty(route, "path", {
      enumerable: true,
      get() {
        reads.n++;
        return path;
      },
    });
    return route;
  }

  it("reads a route tree once, and matches the same afterwards", () => {
    const reads = { n: 0 };
    const routes = [
      counted(reads, "/", [
        counted(reads, ":lang?/sessies/:slug"),
        counted(reads, ":lang?/steden/:city"),
        counted(reads, ":lang?/beheer/sessies/:id/inchecken"),
      ]),
    ];
    const params = (path: string) => matchRoutes(routes, path)?.at(-1)?.params;

    expect(params("/sessies/btw-ontbijt")).toEqual({ slug: "btw-ontbijt" });
    const first = reads.n;
    expect(first).toBeGreaterThan(0);

    expect(params("/fr/steden/leuven")).toEqual({ lang: "fr", city: "leuven" });
    expect(params("/en/beheer/sessies/12/inchecken")).toEqual({ lang: "en", id: "12" });
    expect(params("/sessies")).toBeUndefined();
    expect(reads.n).toBe(first);
  });

  it("matches a new tree by its own routes", () => {
    const one = [{ id: "a", path: "/a" }];
    const other = [{ id: "b", path: "/b" }];
    expect(matchRoutes(one, "/a")?.[0]?.route.id).toBe("a");
    expect(matchRoutes(other, "/a")).toBeNull();
    expect(matchRoutes(other, "/b")?.[0]?.route.id).toBe("b");
  });
});
