import { config } from "../lib/config.server";

/**
 * On an https site a cookie is `__Host-` prefixed: browsers then only accept it Secure, for
 * the whole site (Path=/), and from this host alone, so no subdomain can plant or shadow it.
 */
export function cookieName(name: string): string {
  return config().publicUrl.startsWith("https://") ? `__Host-${name}` : name;
}

/**
 * Whether cookies set for this request are Secure: always on an https site, and also when the
 * request came in over https through a trusted proxy (TRUST_PROXY=on takes the scheme from
 * X-Forwarded-Proto, and the request's URL carries it).
 */
export function isSecure(request: Request): boolean {
  return config().publicUrl.startsWith("https://") || request.url.startsWith("https://");
}
