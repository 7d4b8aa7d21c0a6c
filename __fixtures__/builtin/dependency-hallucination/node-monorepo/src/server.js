// ok: declared in package.json
const express = require('express');
// ok: a relative import
const format = require('./utils/format');
// ok: Node's own modules, with and without the node: prefix
const fs = require('node:fs');
const path = require('path');
// ruleid: undeclared-import
const chalk = require('chalk');
// ok: the same package again in this file is reported once, at its first import
const chalkAgain = require('chalk');
// ok: the repository's own src/utils through a path alias
const { pad } = require('utils/format');
// require('commented-out') is not an import
const help = "require('in-a-string') is not one either";

const app = express();
app.get('/', (req, res) => res.send(format.pad(chalk.green(help))));
app.listen(3000);
