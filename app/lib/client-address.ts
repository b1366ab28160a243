import ipaddr from "ipaddr.js";

/**
 * The client address a proxy names, in the forms proxies write it: `203.0.113.7`,
 * `203.0.113.7:52100`, `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:443`. Answers the
 * address alone (IPv4-mapped IPv6 as IPv4), or undefined for anything that is no address.
 */
export function clientAddressOf(value: string | undefined): string | undefined {
  const text = value?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)?.[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text)?.[1];
  const address = bracketed ?? withPort ?? text;
  if (!ipaddr.isValid(address)) return undefined;
  // "1" and "0x7f.1" are valid to ipaddr.js's lenient parser; only the written-out forms count.
  if (!ipaddr.IPv4.isValidFourPartDecimal(address) && !ipaddr.IPv6.isValid(address)) {
    return undefined;
  }
  return ipaddr.process(address).toString();
}

/** A Host or X-Forwarded-Host value: a host name or address, and maybe a port; nothing else. */
export function isHost(value: string): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/i.exec(value);
  if (!match) return false;
  if (match[2] !== undefined && Number(match[2]) > 65535) return false;
  return URL.canParse(`http://${value}/`);
}
