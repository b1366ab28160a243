import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

/**
 * A real OpenID provider (the `oidc-provider` package) in a process of its own, so that a test
 * moving the app's clock does not move the provider's. Its arguments: the client's redirect URI,
 * id and secret, then the accounts as JSON ({ id: claims }). It listens on 127.0.0.1, a free port, prints its
 * issuer URL and runs until it is killed. Sign-in is its development login form (any password);
 * consent is granted by itself, as a city's provider does for its own applications.
 * With OIDC_TEST_TLS_KEY and OIDC_TEST_TLS_CERT (PEM files) it answers over https, as a city's
 * provider does, for a client that trusts that certificate (NODE_EXTRA_CA_CERTS).
 */

const [redirectUri = "", clientId = "", clientSecret = "", accountsJson = "{}"] =
  process.argv.slice(2);
const accounts = JSON.parse(accountsJson) as Record<string, Record<string, unknown>>;

const { OIDC_TEST_TLS_KEY, OIDC_TEST_TLS_CERT } = process.env;
const tls =
  OIDC_TEST_TLS_KEY && OIDC_TEST_TLS_CERT
    ? { key: readFileSync(OIDC_TEST_TLS_KEY), cert: readFileSync(OIDC_TEST_TLS_CERT) }
    : null;
const server = tls ? createHttpsServer(tls) : createHttpServer();
server.listen(0, "127.0.0.1");
await new Promise<void>((resolve) => server.once("listening", resolve));
const issuer = `${tls ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;

const configuration: Configuration = {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  cookies: { keys: ["sleutel-van-de-testprovider-die-lang-genoeg-is"] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  async loadExistingGrant(ctx) {
    const { client, session } = ctx.oidc;
    if (!client || !session?.accountId) return undefined;
    const grantId = session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: client.clientId,
      accountId: session.accountId,
    });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
};

const provider = new Provider(issuer, configuration);
server.on("request", provider.callback());
console.log(issuer);

// "disable <id>" on standard input takes an account out of the directory, as a city's IT
// department does when someone leaves; "disabled <id>" on standard output says it is done.
process.stdin.setEncoding("utf8").on("data", (lines: string) => {
  for (const line of lines.split("\n")) {
    const [command, id] = line.trim().split(/\s+/);
    if (command === "disable" && id) {
      delete accounts[id];
      console.log(`disabled ${id}`);
    }
  }
});
