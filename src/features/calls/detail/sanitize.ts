/** HubSpot's call notes are HTML written by people and integrations: sanitize before rendering. */
import DOMPurify from 'dompurify';

let hooked = false;

function ensureLinkHook() {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    // Links open in a new tab and cannot reach back into the app.
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    // An image may only be inline data: showing the notes must not contact any host.
    if (node.tagName === 'IMG' && !/^data:image\//i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
  });
}

/** Elements that load or embed something from elsewhere: only the recording player may load media. */
const LOADING_TAGS = ['video', 'audio', 'source', 'track', 'picture', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'link', 'meta', 'base'];
/** Attributes that make the browser fetch a URL (besides `src`/`href`, which DOMPurify checks and the hook narrows). */
const LOADING_ATTRS = ['srcset', 'poster', 'background', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'action', 'formaction', 'xlink:href', 'data'];

/**
 * Safe HTML for the notes: text and formatting only. No scripts, no event handlers, no `javascript:`/`data:`
 * links, no forms, frames or styles, and nothing that makes the browser contact a host when the call is
 * opened (media, embeds, remote images, srcset, poster). Plain text comes back escaped.
 */
export function sanitizeCallBody(html: string): string {
  ensureLinkHook();
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'svg', 'math', ...LOADING_TAGS],
    FORBID_ATTR: ['style', ...LOADING_ATTRS],
    ALLOW_DATA_ATTR: false,
  });
}

/** True when the body has no markup (then line breaks are shown as typed). */
export function isPlainText(body: string): boolean {
  return !/<[a-z!/][^>]*>/i.test(body);
}
