import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  try {
    // ruleid: javascript-jwt-verify-without-algorithms
    (req as any).user = jwt.verify(token, process.env.JWT_PUBLIC_KEY as string);
    next();
  } catch {
    res.sendStatus(401);
  }
}

export function verifyWithOptions(token: string, key: string) {
  // ruleid: javascript-jwt-verify-without-algorithms
  return jwt.verify(token, key, { audience: 'api', issuer: 'https://auth.example.com' });
}

export function verifyCallback(token: string, key: string, done: (e: unknown, p?: unknown) => void) {
  // ruleid: javascript-jwt-verify-without-algorithms
  jwt.verify(token, key, (err, payload) => done(err, payload));
}

export function requireAuthSafe(token: string) {
  // ok: javascript-jwt-verify-without-algorithms
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY as string, { algorithms: ['RS256'] });
}

export function verifyCallbackSafe(token: string, key: string, done: (e: unknown, p?: unknown) => void) {
  // ok: javascript-jwt-verify-without-algorithms
  jwt.verify(token, key, { algorithms: ['HS256'], audience: 'api' }, (err, payload) => done(err, payload));
}

export function otherVerify(sig: { verify: (a: string, b: string) => boolean }, data: string, key: string) {
  // ok: javascript-jwt-verify-without-algorithms
  return sig.verify(data, key);
}
