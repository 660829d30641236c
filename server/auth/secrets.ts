import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Prefix of personal access tokens, so that secret scanners and people can recognise them. */
export const TOKEN_PREFIX = 'tsr_';

/**
 * 32 random bytes as base62 (unbiased: bytes ≥ 248 are redrawn), so a token or session id
 * selects with one double-click and needs no URL escaping.
 */
export function randomSecret(length = 43): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function newApiTokenSecret(): string {
  return TOKEN_PREFIX + randomSecret();
}

/** Secrets are high-entropy, so a fast unsalted hash is enough to make a stolen table useless. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
