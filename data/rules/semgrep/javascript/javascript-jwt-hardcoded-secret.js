const jwt = require('jsonwebtoken');

const JWT_SECRET = 'super-secret-signing-key';

function issue(user) {
  // ruleid: javascript-jwt-hardcoded-secret
  return jwt.sign({ sub: user.id }, 'my$ecretK3y', { algorithm: 'HS256', expiresIn: '1h' });
}

function check(token) {
  // ruleid: javascript-jwt-hardcoded-secret
  return jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'] });
}

function refresh(user) {
  // ruleid: javascript-jwt-hardcoded-secret
  return jwt.sign({ sub: user.id, typ: 'refresh' }, "refresh-secret", { expiresIn: '7d' });
}

const key = process.env.JWT_SECRET;
if (!key) throw new Error('JWT_SECRET is not set');

function issueSafe(user) {
  // ok: javascript-jwt-hardcoded-secret
  return jwt.sign({ sub: user.id }, key, { algorithm: 'HS256', expiresIn: '1h' });
}

function checkSafe(token) {
  // ok: javascript-jwt-hardcoded-secret
  return jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
}

function signPayload(signer, data) {
  // ok: javascript-jwt-hardcoded-secret
  return signer.sign(data, 'utf8');
}
