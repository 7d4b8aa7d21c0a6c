function makeGetter(field) {
  // ruleid: javascript-eval-string-building
  return new Function('obj', 'return obj.' + field);
}

function compute(expr) {
  // ruleid: javascript-eval-string-building
  return eval(`(${expr}) * 2`);
}

function schedule(name) {
  // ruleid: javascript-eval-string-building
  setTimeout('refresh("' + name + '")', 1000);
}

function runUserScript(vm, body) {
  // ruleid: javascript-eval-string-building
  return vm.runInNewContext(`(function(){ ${body} })()`, {});
}

function makeGetterSafe(field) {
  // ok: javascript-eval-string-building
  return (obj) => obj[field];
}

function scheduleSafe(name) {
  // ok: javascript-eval-string-building
  setTimeout(() => refresh(name), 1000);
}

const PREFIX = 'return 1';
function constant() {
  // ok: javascript-eval-string-building
  return new Function(PREFIX + ' + 1')();
}

function parse(text) {
  // ok: javascript-eval-string-building
  return JSON.parse(`{"value": ${JSON.stringify(text)}}`);
}

function deserialize(serialized) {
  // Reported by javascript-serialize-javascript-eval instead.
  // ok: javascript-eval-string-building
  return eval('(' + serialized + ')');
}
