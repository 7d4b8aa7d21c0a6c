import express, { Request, Response } from 'express';
import path from 'path';

const app = express();
const PUBLIC = path.join(process.cwd(), 'public');

app.get('/docs/:file', (req: Request, res: Response) => {
  // ruleid: javascript-express-sendfile-path-traversal
  res.sendFile(path.join(PUBLIC, req.params.file));
});

app.get('/avatar', (req: Request, res: Response) => {
  // ruleid: javascript-express-sendfile-path-traversal
  res.sendFile(`${PUBLIC}/avatars/${req.query.name}`, (err) => err && res.sendStatus(404));
});

app.get('/export', (req: Request, res: Response) => {
  const file = path.resolve('exports', String(req.query.id));
  // ruleid: javascript-express-sendfile-path-traversal
  res.download(file);
});

app.get('/docs-safe/:file', (req: Request, res: Response) => {
  // ok: javascript-express-sendfile-path-traversal
  res.sendFile(req.params.file, { root: PUBLIC });
});

app.get('/avatar-safe', (req: Request, res: Response) => {
  // ok: javascript-express-sendfile-path-traversal
  res.sendFile(path.join(PUBLIC, 'avatars', path.basename(String(req.query.name))));
});

app.get('/', (req: Request, res: Response) => {
  // ok: javascript-express-sendfile-path-traversal
  res.sendFile(path.join(PUBLIC, 'index.html'));
});
