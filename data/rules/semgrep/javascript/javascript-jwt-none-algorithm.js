const jwt = require('jsonwebtoken');

function authenticate(token, publicKey) {
  // ruleid: javascript-jwt-none-algorithm
  return jwt.verify(token, publicKey, { algorithms: ['RS256', 'none'] });
}

function issueTestToken(user) {
  // ruleid: javascript-jwt-none-algorithm
  return jwt.sign({ sub: user.id }, null, { algorithm: 'none' });
}

function lenient(token, key) {
  // ruleid: javascript-jwt-none-algorithm
  return jwt.verify(token, key, { algorithms: ['HS256', 'None'], maxAge: '1h' });
}

function authenticateSafe(token, publicKey) {
  // ok: javascript-jwt-none-algorithm
  return jwt.verify(token, publicKey, { algorithms: ['RS256'] });
}

function issueToken(user, key) {
  // ok: javascript-jwt-none-algorithm
  return jwt.sign({ sub: user.id }, key, { algorithm: 'HS256', expiresIn: '15m' });
}

function hmac(token, secret) {
  // ok: javascript-jwt-none-algorithm
  return jwt.verify(token, secret, { algorithms: ['HS256'], audience: 'api' });
}
