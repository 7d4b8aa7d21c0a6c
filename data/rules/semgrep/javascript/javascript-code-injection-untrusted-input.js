const express = require('express');
const vm = require('vm');

const app = express();

app.post('/calc', (req, res) => {
  // ruleid: javascript-code-injection-untrusted-input
  const result = eval(req.body.expression);
  res.json({ result });
});

app.post('/rule', (req, res) => {
  const body = req.body.predicate;
  // ruleid: javascript-code-injection-untrusted-input
  const fn = new Function('item', body);
  res.json(items.filter(fn));
});

app.post('/template', (req, res) => {
  const sandbox = { user: req.user };
  // ruleid: javascript-code-injection-untrusted-input
  const out = vm.runInNewContext(req.body.code, sandbox);
  res.json({ out });
});

function onLoad() {
  const action = decodeURIComponent(location.hash.slice(1));
  // ruleid: javascript-code-injection-untrusted-input
  setTimeout(action, 100);
}

app.post('/calc-safe', (req, res) => {
  // ok: javascript-code-injection-untrusted-input
  const data = JSON.parse(req.body.payload);
  res.json(data);
});

app.post('/op', (req, res) => {
  const ops = { add: (a, b) => a + b, sub: (a, b) => a - b };
  const op = ops[req.body.op];
  // ok: javascript-code-injection-untrusted-input
  setTimeout(() => res.json({ result: op(req.body.a, req.body.b) }), 0);
});

function later() {
  const delay = Number(new URLSearchParams(location.search).get('delay'));
  // ok: javascript-code-injection-untrusted-input
  setTimeout(function () { console.log('tick'); }, delay);
}

app.get('/version', (req, res) => {
  // ok: javascript-code-injection-untrusted-input
  res.json({ v: vm.runInNewContext('1 + 1', {}) });
});

app.post('/inline', (req, res) => {
  // Inline string building is reported by javascript-eval-string-building.
  // ok: javascript-code-injection-untrusted-input
  res.json(eval('2 * ' + req.body.n));
});
