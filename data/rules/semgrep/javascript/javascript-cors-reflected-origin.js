const express = require('express');
const app = express();
const ALLOWED = new Set(['https://app.example.com']);

app.use((req, res, next) => {
  // ruleid: javascript-cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  res.header('Access-Control-Allow-Credentials', true);
  // ruleid: javascript-cors-reflected-origin
  res.header('Access-Control-Allow-Origin', req.get('origin'));
  next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  // ruleid: javascript-cors-reflected-origin
  res.set('Access-Control-Allow-Origin', origin);
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.has(origin)) {
    // ok: javascript-cors-reflected-origin
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  next();
});

app.use((req, res, next) => {
  // ok: javascript-cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use('/public', (req, res, next) => {
  // ok: javascript-cors-reflected-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
