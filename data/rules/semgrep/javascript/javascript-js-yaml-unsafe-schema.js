const yaml = require('js-yaml');
const { all: jsTypes } = require('js-yaml-js-types');
const fs = require('fs');

function loadConfig(text) {
  // ruleid: javascript-js-yaml-unsafe-schema
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

// ruleid: javascript-js-yaml-unsafe-schema
const schema = yaml.DEFAULT_SCHEMA.extend(require('js-yaml-js-types').all);

function loadMany(text, cb) {
  // ruleid: javascript-js-yaml-unsafe-schema
  yaml.loadAll(text, cb, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

function loadConfigSafe(text) {
  // ok: javascript-js-yaml-unsafe-schema
  return yaml.load(text);
}

function loadStrict(text) {
  // ok: javascript-js-yaml-unsafe-schema
  return yaml.load(text, { schema: yaml.JSON_SCHEMA });
}

function legacySafe(text) {
  // ok: javascript-js-yaml-unsafe-schema
  return yaml.safeLoad(text);
}
