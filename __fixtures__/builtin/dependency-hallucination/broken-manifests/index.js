// ok: package.json does not parse, so there is nothing to compare this import with
const leftPad = require('left-pad');
