/** HubSpot's call notes are HTML written by people and integrations: sanitize before rendering. */
import DOMPurify from 'dompurify';

let hooked = false;

function ensureLinkHook() {
  if (hooked) return;
  hooked = true;
  // Links open in a new tab and cannot reach back into the app.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
  });
}

/**
 * Safe HTML for the notes: no scripts, no event handlers, no `javascript:`/`data:` links, no forms,
 * frames or styles. Plain text comes back escaped.
 */
export function sanitizeCallBody(html: string): string {
  ensureLinkHook();
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  });
}

/** True when the body has no markup (then line breaks are shown as typed). */
export function isPlainText(body: string): boolean {
  return !/<[a-z!/][^>]*>/i.test(body);
}
