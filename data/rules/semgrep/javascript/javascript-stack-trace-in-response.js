const express = require('express');
const app = express();

app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    // ruleid: javascript-stack-trace-in-response
    res.status(500).send(err.stack);
  }
});

app.use((err, req, res, next) => {
  // ruleid: javascript-stack-trace-in-response
  res.status(err.status || 500).json({ message: err.message, stack: err.stack });
});

app.post('/upload', (req, res) => {
  upload(req).catch((e) => {
    // ruleid: javascript-stack-trace-in-response
    res.send(`<pre>${e.stack}</pre>`);
  });
});

app.use((err, req, res, next) => {
  logger.error(err);
  // ok: javascript-stack-trace-in-response
  res.status(500).json({ error: 'Internal server error', requestId: req.id });
});

app.use((err, req, res, next) => {
  if (process.env.NODE_ENV === 'development') {
    // ok: javascript-stack-trace-in-response
    return res.status(500).json({ message: err.message, stack: err.stack });
  }
  res.status(500).json({ error: 'Internal server error' });
});

app.use((err, req, res, next) => {
  res.status(500).json({
    error: err.message,
    // ok: javascript-stack-trace-in-response
    stack: process.env.NODE_ENV === 'production' ? undefined : err.stack,
  });
});
