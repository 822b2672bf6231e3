// Approval-link tokens: 32 bytes derived from a random seed with the pepper (HMAC-SHA256). Only the token's
// SHA-256 is stored as the link's key; the seed alone is useless without the pepper, which lives in
// Secrets Manager (AWS) or the data directory (local), so a copy of the table cannot make a valid link.

import { createHash, createHmac, randomBytes } from 'node:crypto';

export const newLinkSeed = (): string => randomBytes(32).toString('base64url');

export const tokenFromSeed = (pepper: Uint8Array, seed: string): string =>
  createHmac('sha256', pepper).update(`piawai-approval-link:${seed}`).digest('base64url');

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A token as it appears in a link: 43 base64url characters; anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
