const libxmljs = require('libxmljs');
const { parseXml } = require('libxmljs2');
const xml2js = require('xml2js');

function importInvoice(req) {
  // ruleid: javascript-libxmljs-xxe
  const doc = libxmljs.parseXml(req.body.toString(), { noent: true });
  return doc.get('//total').text();
}

function parseFeed(text) {
  // ruleid: javascript-libxmljs-xxe
  return parseXml(text, { noblanks: true, noent: true, nocdata: true });
}

function parseLegacy(text) {
  // ruleid: javascript-libxmljs-xxe
  return libxmljs.parseXmlString(text, { noent: true, nonet: false });
}

function importInvoiceSafe(req) {
  // ok: javascript-libxmljs-xxe
  const doc = libxmljs.parseXml(req.body.toString(), { nonet: true });
  return doc.get('//total').text();
}

function parseDefault(text) {
  // ok: javascript-libxmljs-xxe
  return parseXml(text);
}

async function parseWithXml2js(text) {
  // ok: javascript-libxmljs-xxe
  return xml2js.parseStringPromise(text);
}
