const express = require('express');
const { exec, execFile, spawn } = require('child_process');

const app = express();

app.post('/run', (req, res) => {
  const cmd = req.body.command;
  // ruleid: javascript-command-injection-request-data
  exec(cmd, (err, stdout) => res.send(stdout));
});

app.get('/convert', (req, res) => {
  const cmdline = ['convert', req.query.file, 'out.png'].join(' ');
  // ruleid: javascript-command-injection-request-data
  exec(cmdline, () => res.sendStatus(204));
});

app.get('/tool', (req, res) => {
  // ruleid: javascript-command-injection-request-data
  execFile(req.query.tool, ['--version'], (err, out) => res.send(out));
});

app.post('/script', (req, res) => {
  // ruleid: javascript-command-injection-request-data
  const child = spawn('sh', ['-c', req.body.script]);
  child.on('exit', (code) => res.json({ code }));
});

app.get('/convert-safe', (req, res) => {
  // ok: javascript-command-injection-request-data
  execFile('convert', [req.query.file, 'out.png'], () => res.sendStatus(204));
});

app.get('/log', (req, res) => {
  // ok: javascript-command-injection-request-data
  const child = spawn('git', ['log', '--oneline', '--', req.query.path]);
  child.stdout.pipe(res);
});

app.get('/uptime', (req, res) => {
  // ok: javascript-command-injection-request-data
  exec('uptime', (err, stdout) => res.send(stdout));
});

app.get('/inline', (req, res) => {
  // Inline string building is reported by javascript-command-injection-string-building.
  // ok: javascript-command-injection-request-data
  exec(`ls ${req.query.dir}`, (err, stdout) => res.send(stdout));
});
