const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/search', (req, res) => {
  // ruleid: javascript-xss-express-response
  res.send(`<h1>Results for ${req.query.q}</h1>`);
});

app.get('/hello/:name', (req, res) => {
  // ruleid: javascript-xss-express-response
  res.status(200).send('<p>Hello ' + req.params.name + '</p>');
});

app.post('/preview', (req, res) => {
  const { title } = req.body;
  let html = '<html><body>';
  html += `<h2>${title}</h2>`;
  // ruleid: javascript-xss-express-response
  res.end(html);
});

app.get('/error', (req, res) => {
  const page = `<p>Unknown page: ${req.get('referer')}</p>`;
  // ruleid: javascript-xss-express-response
  res.write(page);
  res.end();
});

app.get('/search-safe', (req, res) => {
  // ok: javascript-xss-express-response
  res.send(`<h1>Results for ${escapeHtml(req.query.q)}</h1>`);
});

app.get('/hello-json/:name', (req, res) => {
  // ok: javascript-xss-express-response
  res.json({ greeting: `Hello ${req.params.name}` });
});

app.get('/page', (req, res) => {
  // ok: javascript-xss-express-response
  res.render('page', { q: req.query.q });
});

app.get('/count', (req, res) => {
  const n = parseInt(req.query.n, 10);
  // ok: javascript-xss-express-response
  res.send(`<p>${n} items</p>`);
});

app.use((req, res) => {
  // ok: javascript-xss-express-response
  res.send('saw ' + req.method);
});

app.get('/tags', (req, res) => {
  // ok: javascript-xss-express-response
  res.send(`<p>${req.query.tags.length} tags, ${parseFloat(req.query.min)} minimum</p>`);
});

app.get('/users/:from-:to', (req, res) => {
  // ruleid: javascript-xss-express-response
  res.send('users from ' + req.params.from);
});
