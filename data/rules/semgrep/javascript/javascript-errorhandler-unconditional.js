const express = require('express');
const errorhandler = require('errorhandler');

const app = express();
const api = express.Router();
const admin = express();

// ruleid: javascript-errorhandler-unconditional
app.use(errorhandler());

// ruleid: javascript-errorhandler-unconditional
api.use(errorhandler({ log: true }));

// ruleid: javascript-errorhandler-unconditional
admin.use('/debug', errorhandler());

if (process.env.NODE_ENV === 'development') {
  // ok: javascript-errorhandler-unconditional
  app.use(errorhandler());
}

// ok: javascript-errorhandler-unconditional
if (app.get('env') === 'development') app.use(errorhandler());

app.use((err, req, res, next) => {
  console.error(err);
  // ok: javascript-errorhandler-unconditional
  res.status(500).json({ error: 'Internal server error' });
});
