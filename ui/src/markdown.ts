// Note bodies are Markdown written by people. Raw HTML in them is shown as text, never parsed (a handler
// such as onerror would otherwise reach the page, where the CSP refuses it, noisily); what marked renders is
// then sanitised by DOMPurify as a second line. Loaded only by the design-note view (its own chunk).
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const marked = new Marked({
  async: false,
  gfm: true,
  renderer: { html: ({ text }) => escapeHtml(text) },
})

export function renderMarkdown(text: string): string {
  const html = marked.parse(text, { async: false })
  // Inline styles would be refused by the CSP anyway; forms and media have no place in a note.
  return DOMPurify.sanitize(html, {
    FORBID_ATTR: ['style'],
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'img',
      'video',
      'audio',
      'iframe',
    ],
  })
}
