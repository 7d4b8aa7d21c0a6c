const express = require('express');

const app = express();
const ALLOWED = ['/dashboard', '/settings'];

app.get('/login/callback', (req, res) => {
  // ruleid: javascript-open-redirect
  res.redirect(req.query.returnTo);
});

app.get('/out', (req, res) => {
  const target = req.query.url;
  // ruleid: javascript-open-redirect
  res.redirect(302, target);
});

app.post('/continue', (req, res) => {
  // ruleid: javascript-open-redirect
  res.writeHead(302, { Location: req.body.next });
  res.end();
});

function clientRedirect() {
  const next = new URLSearchParams(window.location.search).get('next');
  // ruleid: javascript-open-redirect
  window.location.href = next;
}

app.get('/users/:id', (req, res) => {
  // ok: javascript-open-redirect
  res.redirect(`/profiles/${encodeURIComponent(req.params.id)}`);
});

app.get('/login/callback-safe', (req, res) => {
  const returnTo = req.query.returnTo;
  if (!ALLOWED.includes(returnTo)) {
    return res.redirect('/');
  }
  // ok: javascript-open-redirect
  res.redirect(returnTo);
});

app.get('/docs', (req, res) => {
  // ok: javascript-open-redirect
  res.redirect('/docs/' + req.query.page);
});

function clientRedirectSafe() {
  // ok: javascript-open-redirect
  window.location.href = '/home';
}
