// Note bodies are Markdown written by people: rendered by marked, then sanitised by DOMPurify so no script,
// handler or foreign frame reaches the page. Loaded only by the design-note view (its own chunk).
import DOMPurify from 'dompurify'
import { marked } from 'marked'

export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true })
  // Inline styles would be refused by the CSP anyway; forms and media have no place in a note.
  return DOMPurify.sanitize(html, {
    FORBID_ATTR: ['style'],
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'video', 'audio', 'iframe'],
  })
}
