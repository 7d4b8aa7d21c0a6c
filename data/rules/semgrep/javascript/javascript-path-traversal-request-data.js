const express = require('express');
const fs = require('fs');
const path = require('path');
const { readFile } = require('fs/promises');

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

app.get('/files/:name', (req, res) => {
  // ruleid: javascript-path-traversal-request-data
  fs.readFile(path.join(UPLOADS, req.params.name), (err, data) => res.send(data));
});

app.get('/download', (req, res) => {
  const file = `${UPLOADS}/${req.query.file}`;
  // ruleid: javascript-path-traversal-request-data
  fs.createReadStream(file).pipe(res);
});

app.delete('/files', (req, res) => {
  // ruleid: javascript-path-traversal-request-data
  fs.unlinkSync(path.resolve(UPLOADS, req.body.path));
  res.sendStatus(204);
});

app.get('/template', async (req, res) => {
  // ruleid: javascript-path-traversal-request-data
  const tpl = await readFile(path.join(__dirname, 'templates', req.query.name), 'utf8');
  res.type('text').send(tpl);
});

app.get('/files-safe/:name', (req, res) => {
  // ok: javascript-path-traversal-request-data
  fs.readFile(path.join(UPLOADS, path.basename(req.params.name)), (err, data) => res.send(data));
});

app.get('/download-safe', (req, res) => {
  const resolved = path.resolve(UPLOADS, req.query.file);
  if (!resolved.startsWith(UPLOADS + path.sep)) {
    return res.sendStatus(400);
  }
  // ok: javascript-path-traversal-request-data
  fs.createReadStream(resolved).pipe(res);
});

app.get('/report', (req, res) => {
  // ok: javascript-path-traversal-request-data
  fs.readFile(path.join(__dirname, 'reports', 'latest.pdf'), (err, data) => res.send(data));
});
