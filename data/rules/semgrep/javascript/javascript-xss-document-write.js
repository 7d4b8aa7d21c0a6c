function trackingPixel() {
  // ruleid: javascript-xss-document-write
  document.write('<img src="/pixel?ref=' + document.referrer + '">');
}

function banner() {
  const msg = new URLSearchParams(location.search).get('msg');
  // ruleid: javascript-xss-document-write
  document.write(`<div class="banner">${msg}</div>`);
}

function render(html) {
  // ruleid: javascript-xss-document-write
  document.writeln(html);
}

function bannerSafe() {
  const msg = new URLSearchParams(location.search).get('msg');
  const div = document.createElement('div');
  div.className = 'banner';
  div.textContent = msg;
  // ok: javascript-xss-document-write
  document.body.appendChild(div);
}

function staticMarkup() {
  // ok: javascript-xss-document-write
  document.write('<p>Loading…</p>');
}

function sanitized(html) {
  // ok: javascript-xss-document-write
  document.write(DOMPurify.sanitize(html));
}
