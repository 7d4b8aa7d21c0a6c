const serialize = require('serialize-javascript');

function deserialize(serializedJavascript) {
  // ruleid: javascript-serialize-javascript-eval
  return eval('(' + serializedJavascript + ')');
}

function restoreState(req) {
  // ruleid: javascript-serialize-javascript-eval
  return new Function('return ' + req.cookies.state)();
}

function fromCache(entry) {
  // ruleid: javascript-serialize-javascript-eval
  return eval(`(${entry.payload})`);
}

function save(state) {
  // ok: javascript-serialize-javascript-eval
  return serialize(state, { isJSON: true });
}

function restoreStateSafe(req) {
  // ok: javascript-serialize-javascript-eval
  return JSON.parse(req.cookies.state);
}

function fromCacheSafe(entry) {
  // ok: javascript-serialize-javascript-eval
  return JSON.parse(entry.payload);
}
