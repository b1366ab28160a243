import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";

/**
 * A software passkey for HTTP tests: a P-256 key pair and the few bytes of CBOR a WebAuthn
 * authenticator sends (attestation "none"), so the server's checks run on real signatures
 * without a browser. `origin` and `rpId` are what the browser would put in; a test changes them
 * to play a look-alike site.
 */

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();

/** CBOR, just enough of it: small and negative integers, text, bytes, maps. */
type Cbor = number | string | Buffer | Map<Cbor, Cbor>;
function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 256) return Buffer.from([(major << 5) | 24, length]);
  const out = Buffer.alloc(3);
  out[0] = (major << 5) | 25;
  out.writeUInt16BE(length, 1);
  return out;
}
function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string")
    return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  const parts = [...value].flatMap(([k, v]) => [cbor(k), cbor(v)]);
  return Buffer.concat([head(5, value.size), ...parts]);
}

export interface SoftPasskeyOptions {
  origin?: string;
  rpId?: string;
  /** Whether the person was verified (PIN, fingerprint): the server requires it. */
  userVerified?: boolean;
}

export function softPasskey({
  origin = "http://agenda.test",
  rpId = "agenda.test",
  userVerified = true,
}: SoftPasskeyOptions = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = randomBytes(16);
  let counter = 0;
  const flags = (attested: boolean) => 0x01 | (userVerified ? 0x04 : 0) | (attested ? 0x40 : 0);
  const clientData = (type: string, challenge: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  const counterBytes = () => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(counter);
    return out;
  };
  return {
    id: b64url(credentialId),
    /** The answer to registration options: the new credential, as the browser part posts it. */
    register(options: { challenge: string }) {
      const coseKey = cbor(
        new Map<Cbor, Cbor>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, Buffer.from(jwk.x ?? "", "base64url")],
          [-3, Buffer.from(jwk.y ?? "", "base64url")],
        ]),
      );
      const length = Buffer.alloc(2);
      length.writeUInt16BE(credentialId.length);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(true)]),
        counterBytes(),
        Buffer.alloc(16),
        length,
        credentialId,
        coseKey,
      ]);
      const attestationObject = cbor(
        new Map<Cbor, Cbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(clientData("webauthn.create", options.challenge)),
          attestationObject: b64url(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
      };
    },
    /** The answer to sign-in options: a signed assertion, the counter one higher each time. */
    signIn(options: { challenge: string }, { signWith = privateKey } = {}) {
      counter += 1;
      const authData = Buffer.concat([sha256(rpId), Buffer.from([flags(false)]), counterBytes()]);
      const data = clientData("webauthn.get", options.challenge);
      const signer = createSign("sha256");
      signer.update(Buffer.concat([authData, sha256(data)]));
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(signer.sign(signWith)),
        },
        clientExtensionResults: {},
      };
    },
  };
}

/** Another key, to sign with as someone who copied a credential's id but not its key. */
export const otherKey = () => generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
