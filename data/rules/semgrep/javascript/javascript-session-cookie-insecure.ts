import express from 'express';
import session from 'express-session';
import cookieSession from 'cookie-session';

const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET as string,
  resave: false,
  saveUninitialized: false,
  // ruleid: javascript-session-cookie-insecure
  cookie: { secure: false, maxAge: 86400000 },
}));

app.use(session({
  secret: process.env.SESSION_SECRET as string,
  cookie: {
    secure: true,
    // ruleid: javascript-session-cookie-insecure
    httpOnly: false,
  },
}));

app.use(cookieSession({
  name: 'session',
  keys: [process.env.COOKIE_KEY as string],
  // ruleid: javascript-session-cookie-insecure
  secure: false,
}));

app.use(session({
  secret: process.env.SESSION_SECRET as string,
  resave: false,
  saveUninitialized: false,
  // ok: javascript-session-cookie-insecure
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
}));

app.use(session({
  secret: process.env.SESSION_SECRET as string,
  // ok: javascript-session-cookie-insecure
  cookie: { secure: process.env.NODE_ENV === 'production', httpOnly: true },
}));

// ok: javascript-session-cookie-insecure
const cors = { credentials: false };
