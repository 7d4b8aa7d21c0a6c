const express = require('express');
const session = require('express-session');
const app = express();

app.get('/embed', (req, res) => {
  // ruleid: javascript-cookie-samesite-none-without-secure
  res.cookie('widget_session', req.sessionID, { httpOnly: true, sameSite: 'none' });
  res.send('ok');
});

app.use(session({
  secret: process.env.SESSION_SECRET,
  // ruleid: javascript-cookie-samesite-none-without-secure
  cookie: { httpOnly: true, sameSite: 'None', maxAge: 3600000 },
}));

// ruleid: javascript-cookie-samesite-none-without-secure
const crossSiteCookie = { sameSite: 'none', path: '/' };

app.get('/embed-safe', (req, res) => {
  // ok: javascript-cookie-samesite-none-without-secure
  res.cookie('widget_session', req.sessionID, { httpOnly: true, secure: true, sameSite: 'none' });
  res.send('ok');
});

app.use(session({
  secret: process.env.SESSION_SECRET,
  // ok: javascript-cookie-samesite-none-without-secure
  cookie: { httpOnly: true, secure: true, sameSite: 'lax' },
}));

// ok: javascript-cookie-samesite-none-without-secure
const strictCookie = { httpOnly: true, sameSite: 'strict' };
