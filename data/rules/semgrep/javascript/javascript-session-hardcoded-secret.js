const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');

const app = express();
const COOKIE_SECRET = 'cookie-signing-secret';

app.use(session({
  // ruleid: javascript-session-hardcoded-secret
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: false,
}));

app.use(cookieSession({
  name: 'session',
  // ruleid: javascript-session-hardcoded-secret
  keys: ['key1', process.env.OLD_KEY],
}));

// ruleid: javascript-session-hardcoded-secret
app.use(cookieParser(COOKIE_SECRET));

const sessionSecret = process.env.SESSION_SECRET;
if (!sessionSecret) throw new Error('SESSION_SECRET missing');

app.use(session({
  // ok: javascript-session-hardcoded-secret
  secret: sessionSecret,
  resave: false,
  saveUninitialized: false,
}));

app.use(cookieSession({
  name: 'session',
  // ok: javascript-session-hardcoded-secret
  keys: [process.env.COOKIE_KEY_CURRENT, process.env.COOKIE_KEY_PREVIOUS],
}));

// ok: javascript-session-hardcoded-secret
app.use(cookieParser());
