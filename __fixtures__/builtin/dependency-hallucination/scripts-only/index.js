// ok: no package.json in this repository: nothing to compare imports with
const chalk = require('chalk');
