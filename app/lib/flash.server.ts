import { createCookieSessionStorage } from "@remix-run/node";
import { config } from "./config.server";
import { cookieName, isSecure } from "./cookies.server";

// Holds what the next page should say (the address a confirmation went to) for one request.
const storage = createCookieSessionStorage<Record<string, never>, { signedUpEmail: string }>({
  cookie: {
    name: cookieName("oa_flash"),
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 600,
    secure: config().publicUrl.startsWith("https://"),
    secrets: [config().sessionSecret],
  },
});

export async function flashSignedUpEmail(request: Request, email: string): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("signedUpEmail", email);
  return storage.commitSession(session, { secure: isSecure(request) });
}

export async function takeSignedUpEmail(
  request: Request,
): Promise<{ email: string | null; cookie: string }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const email = session.get("signedUpEmail") ?? null;
  return { email, cookie: await storage.commitSession(session, { secure: isSecure(request) }) };
}
