const express = require('express');
const jwt = require('jsonwebtoken');
const { jwtDecode } = require('jwt-decode');

const app = express();

function auth(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  // ruleid: javascript-jwt-decode-without-verify
  const payload = jwt.decode(token);
  req.user = { id: payload.sub, role: payload.role };
  next();
}

app.get('/admin', (req, res) => {
  // ruleid: javascript-jwt-decode-without-verify
  const claims = jwt.decode(req.cookies.session, { json: true });
  if (claims.role !== 'admin') return res.sendStatus(403);
  res.send('welcome');
});

app.get('/me', (req, res) => {
  // ruleid: javascript-jwt-decode-without-verify
  const { sub } = jwtDecode(req.get('x-id-token'));
  res.json({ sub });
});

function authSafe(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  // ok: javascript-jwt-decode-without-verify
  req.user = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  next();
}

function authWithKid(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  // ok: javascript-jwt-decode-without-verify
  const { header } = jwt.decode(token, { complete: true });
  const key = keys[header.kid];
  req.user = jwt.verify(token, key, { algorithms: ['RS256'] });
  next();
}

function showExpiry(storedToken) {
  // ok: javascript-jwt-decode-without-verify
  const { exp } = jwt.decode(storedToken);
  return new Date(exp * 1000);
}
