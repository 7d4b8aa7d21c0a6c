import express from 'express';
import cors from 'cors';

const app = express();

// ruleid: javascript-cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));

// ruleid: javascript-cors-credentials-any-origin
app.use('/api', cors({ origin: '*', credentials: true, methods: ['GET', 'POST'] }));

// ruleid: javascript-cors-credentials-any-origin
const corsOptions = { credentials: true, origin: true, maxAge: 600 };

// ok: javascript-cors-credentials-any-origin
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));

// ok: javascript-cors-credentials-any-origin
app.use('/public', cors({ origin: '*' }));

const allowed = new Set(['https://app.example.com']);
// ok: javascript-cors-credentials-any-origin
app.use(cors({ origin: (origin, cb) => cb(null, !origin || allowed.has(origin)), credentials: true }));
