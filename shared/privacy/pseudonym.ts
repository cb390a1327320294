import { createHmac } from 'node:crypto';

/** RFC 4648 base32 alphabet. */
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Bytes of the HMAC kept: 20 bytes = 160 bits = exactly 32 base32 characters (no padding needed). */
const PSEUDONYM_BYTES = 20;

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The pseudonym of a minor (docs/privacy.md §8): keyed HMAC-SHA256 of the minor's
 * id with PSEUDONYM_KEY, first 20 bytes in base32 (32 characters). Stable for
 * a key; without the key it cannot be linked back to the id. It hashes the
 * random id, never the fiscal code, whose space can be enumerated.
 */
export function pseudonymOf(minorId: string, key: string): string {
  const mac = createHmac('sha256', key).update(minorId, 'utf8').digest();
  return base32(mac.subarray(0, PSEUDONYM_BYTES));
}
