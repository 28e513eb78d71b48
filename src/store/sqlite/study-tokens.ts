import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Study link tokens: 24 random bytes in base64url (32 characters, 192 bits), shown once; the store
 * keeps only their SHA-256. A token is looked up by its hash, then compared in constant time.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether `token` hashes to `storedHash`, in time independent of where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
