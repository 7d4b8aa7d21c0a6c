import React, { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function Comment({ body }: { body: string }) {
  // ruleid: javascript-react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: body }} />;
}

export function Markdown({ source }: { source: string }) {
  // ruleid: javascript-react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: marked.parse(source) as string }} />;
}

export function Highlight({ term, text }: { term: string; text: string }) {
  const html = text.replace(term, `<mark>${term}</mark>`);
  // ruleid: javascript-react-dangerously-set-inner-html
  return <p dangerouslySetInnerHTML={{ __html: html }} />;
}

export function CommentText({ body }: { body: string }) {
  // ok: javascript-react-dangerously-set-inner-html
  return <div>{body}</div>;
}

export function SafeMarkdown({ source }: { source: string }) {
  // ok: javascript-react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(source) as string) }} />;
}

export function MemoMarkdown({ source }: { source: string }) {
  const clean = useMemo(() => DOMPurify.sanitize(marked.parse(source) as string), [source]);
  // ok: javascript-react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: clean }} />;
}

export function Icon() {
  // ok: javascript-react-dangerously-set-inner-html
  return <span dangerouslySetInnerHTML={{ __html: '<svg viewBox="0 0 8 8"><path d="M0 0h8v8H0z"/></svg>' }} />;
}
