// ok: declared in package.json
const leftPad = require('left-pad');

module.exports = { pad: (text) => leftPad(text, 10) };
