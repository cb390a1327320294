import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The KeyObjects of the configured JWT keys, built once per key. Given a
 * string, jsonwebtoken first tries to parse it as a PEM key
 * (createPrivateKey / createPublicKey), throws, catches, then makes a secret
 * key — on every sign and verify: 13 % of the gateway's CPU under load
 * (docs/benchmarks.md "Where the gateway's time goes"). A KeyObject skips
 * all of it. The keys come from the configuration (a handful per process),
 * so the memo is bounded by construction.
 */
const secrets = new Map<string, KeyObject>();
const publics = new Map<string, KeyObject>();

/** HS256 key for a shared secret (JWT_SECRET, INTERNAL_SECRET). */
export function secretKey(secret: string): KeyObject {
  let key = secrets.get(secret);
  if (!key) secrets.set(secret, (key = createSecretKey(Buffer.from(secret))));
  return key;
}

/** RS256 key for a PEM public key (JWT_PUBLIC_KEY). */
export function publicKey(pem: string): KeyObject {
  let key = publics.get(pem);
  if (!key) publics.set(pem, (key = createPublicKey(pem)));
  return key;
}
