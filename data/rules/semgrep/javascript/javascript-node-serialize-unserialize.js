const express = require('express');
const cookieParser = require('cookie-parser');
const serialize = require('node-serialize');
const funcster = require('funcster');

const app = express();
app.use(cookieParser());

app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: javascript-node-serialize-unserialize
  const profile = serialize.unserialize(raw);
  res.send(`Hello ${profile.username}`);
});

app.post('/import', (req, res) => {
  // ruleid: javascript-node-serialize-unserialize
  const obj = require('node-serialize').unserialize(req.body.data);
  res.json(obj);
});

function restore(blob) {
  // ruleid: javascript-node-serialize-unserialize
  return funcster.deepDeserialize(JSON.parse(blob));
}

app.get('/profile-safe', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ok: javascript-node-serialize-unserialize
  const profile = JSON.parse(raw);
  res.json({ username: String(profile.username) });
});

app.get('/export', (req, res) => {
  // ok: javascript-node-serialize-unserialize
  res.send(serialize.serialize({ user: req.user.id }));
});

function parseState(text, schema) {
  // ok: javascript-node-serialize-unserialize
  return schema.parse(JSON.parse(text));
}
