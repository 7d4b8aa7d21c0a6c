const express = require('express');
const app = express();

app.post('/login', async (req, res) => {
  const token = await login(req.body);
  // ruleid: javascript-cookie-missing-secure-httponly
  res.cookie('access_token', token);
  res.sendStatus(204);
});

app.post('/login2', async (req, res) => {
  const sid = await createSession(req.body);
  // ruleid: javascript-cookie-missing-secure-httponly
  res.cookie('sessionId', sid, { maxAge: 3600000, secure: true });
  res.sendStatus(204);
});

app.post('/remember', (req, res) => {
  // ruleid: javascript-cookie-missing-secure-httponly
  res.cookie('remember_me', req.user.rememberToken, { httpOnly: false, secure: true, sameSite: 'lax' });
  res.sendStatus(204);
});

app.post('/login-safe', async (req, res) => {
  const token = await login(req.body);
  // ok: javascript-cookie-missing-secure-httponly
  res.cookie('access_token', token, { httpOnly: true, secure: true, sameSite: 'strict', maxAge: 900000 });
  res.sendStatus(204);
});

app.post('/env-secure', async (req, res) => {
  const sid = await createSession(req.body);
  // ok: javascript-cookie-missing-secure-httponly
  res.cookie('sid', sid, { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' });
  res.sendStatus(204);
});

app.get('/prefs', (req, res) => {
  // ok: javascript-cookie-missing-secure-httponly
  res.cookie('theme', req.query.theme === 'dark' ? 'dark' : 'light', { maxAge: 31536000000 });
  res.sendStatus(204);
});

app.get('/csrf', (req, res) => {
  // ok: javascript-cookie-missing-secure-httponly
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' });
  res.sendStatus(204);
});
