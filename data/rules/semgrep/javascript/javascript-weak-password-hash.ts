import crypto, { createHash } from 'crypto';
import bcrypt from 'bcrypt';
import argon2 from 'argon2';

export function hashPassword(password: string): string {
  // ruleid: javascript-weak-password-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

export function legacyHash(user: { password: string }): string {
  // ruleid: javascript-weak-password-hash
  return createHash('sha1').update(user.password).digest('hex');
}

export function saltedSha(pwd: string, salt: string): string {
  const h = crypto.createHash('sha256');
  // ruleid: javascript-weak-password-hash
  h.update(salt + pwd);
  return h.digest('hex');
}

export async function hashPasswordSafe(password: string): Promise<string> {
  // ok: javascript-weak-password-hash
  return bcrypt.hash(password, 12);
}

export async function hashPasswordArgon(password: string): Promise<string> {
  // ok: javascript-weak-password-hash
  return argon2.hash(password, { type: argon2.argon2id });
}

export function etag(body: Buffer): string {
  // ok: javascript-weak-password-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

export function scryptHash(password: string, salt: Buffer): Buffer {
  // ok: javascript-weak-password-hash
  return crypto.scryptSync(password, salt, 64);
}

export function storeResetToken(passwordResetToken: string): string {
  // ok: javascript-weak-password-hash
  return crypto.createHash('sha256').update(passwordResetToken).digest('hex');
}
