import DOMPurify from 'dompurify';

export function showGreeting(el: HTMLElement) {
  const name = new URLSearchParams(location.search).get('name');
  // ruleid: javascript-xss-inner-html
  el.innerHTML = `<h1>Hello ${name}</h1>`;
}

export function renderComment(list: HTMLElement, comment: { body: string }) {
  // ruleid: javascript-xss-inner-html
  list.insertAdjacentHTML('beforeend', '<li>' + comment.body + '</li>');
}

export function replaceCard(card: Element, html: string) {
  // ruleid: javascript-xss-inner-html
  card.outerHTML = html;
}

export function appendRow(table: HTMLElement, row: string) {
  // ruleid: javascript-xss-inner-html
  table.innerHTML += row;
}

export function showGreetingSafe(el: HTMLElement) {
  const name = new URLSearchParams(location.search).get('name');
  // ok: javascript-xss-inner-html
  el.textContent = `Hello ${name}`;
}

export function renderCommentSafe(list: HTMLElement, comment: { body: string }) {
  // ok: javascript-xss-inner-html
  list.insertAdjacentHTML('beforeend', DOMPurify.sanitize('<li>' + comment.body + '</li>'));
}

export function renderRich(el: HTMLElement, html: string) {
  const clean = DOMPurify.sanitize(html);
  // ok: javascript-xss-inner-html
  el.innerHTML = clean;
}

export function clear(el: HTMLElement) {
  // ok: javascript-xss-inner-html
  el.innerHTML = '';
}

const SPINNER = '<div class="spinner"></div>';
export function loading(el: HTMLElement) {
  // ok: javascript-xss-inner-html
  el.innerHTML = SPINNER;
}
