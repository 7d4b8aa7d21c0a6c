const express = require('express');
const axios = require('axios');
const http = require('http');

const app = express();
const ALLOWED_HOSTS = new Set(['images.example.com', 'cdn.example.com']);

app.get('/proxy', async (req, res) => {
  // ruleid: javascript-ssrf-request-url
  const upstream = await fetch(req.query.url);
  res.send(await upstream.text());
});

app.post('/webhook/test', async (req, res) => {
  const { target } = req.body;
  // ruleid: javascript-ssrf-request-url
  const r = await axios.post(target, { ping: true });
  res.json({ status: r.status });
});

app.get('/avatar', (req, res) => {
  // ruleid: javascript-ssrf-request-url
  http.get(`http://${req.query.host}/avatar.png`, (up) => up.pipe(res));
});

app.get('/preview', async (req, res) => {
  // ruleid: javascript-ssrf-request-url
  const r = await axios({ method: 'get', url: req.body.link });
  res.send(r.data);
});

app.get('/user/:id', async (req, res) => {
  // ok: javascript-ssrf-request-url
  const r = await fetch(`https://api.example.com/users/${encodeURIComponent(req.params.id)}`);
  res.json(await r.json());
});

app.get('/repo/:name', async (req, res) => {
  // ok: javascript-ssrf-request-url
  const r = await axios.get('https://api.github.com/repos/' + req.params.name);
  res.json(r.data);
});

app.get('/image', async (req, res) => {
  const url = new URL(req.query.src);
  if (!ALLOWED_HOSTS.has(url.hostname)) {
    return res.sendStatus(400);
  }
  // ok: javascript-ssrf-request-url
  const r = await fetch(url);
  res.send(Buffer.from(await r.arrayBuffer()));
});

app.get('/status', async (req, res) => {
  // ok: javascript-ssrf-request-url
  const r = await fetch('https://status.example.com/api/v2/status.json');
  res.json(await r.json());
});
