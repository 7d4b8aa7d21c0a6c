import session from 'express-session';
import jwt from 'jsonwebtoken';

// ruleid: javascript-secret-env-fallback
const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';

// ruleid: javascript-secret-env-fallback
const dbPassword = process.env.DB_PASSWORD ?? 'changeme';

export const app = {
  // ruleid: javascript-secret-env-fallback
  sessionMiddleware: session({ secret: process.env.SESSION_SECRET || 'keyboard cat', resave: false, saveUninitialized: false }),
};

// ruleid: javascript-secret-env-fallback
const { STRIPE_API_KEY = 'sk_test_123' } = process.env;

// ok: javascript-secret-env-fallback
const port = process.env.PORT || '3000';

// ok: javascript-secret-env-fallback
const tokenTtl = process.env.TOKEN_TTL || '15m';

// ok: javascript-secret-env-fallback
const publicKeyPath = process.env.JWT_PUBLIC_KEY_PATH ?? './keys/public.pem';

const secret = process.env.JWT_SECRET;
if (!secret) {
  throw new Error('JWT_SECRET is required');
}
// ok: javascript-secret-env-fallback
export const sign = (sub: string) => jwt.sign({ sub }, secret, { algorithm: 'HS256' });
