import { describe, expect, it } from 'vitest';
import { isPlainText, sanitizeCallBody } from './sanitize';

function render(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = sanitizeCallBody(html);
  return div;
}

describe('sanitizeCallBody', () => {
  it('keeps ordinary formatting and text', () => {
    const out = render('<p>Called <b>Ada</b>, <em>follow up</em></p><ul><li>price</li></ul>');
    expect(out.querySelector('b')?.textContent).toBe('Ada');
    expect(out.querySelector('li')?.textContent).toBe('price');
  });

  it('drops scripts and event handlers', () => {
    const out = render('<p onclick="alert(1)">hi</p><script>window.x=1</script><img src="x" onerror="window.y=1">');
    expect(out.querySelector('script')).toBeNull();
    expect(out.innerHTML).not.toMatch(/onclick|onerror|window\./);
    expect(out.textContent).toBe('hi');
  });

  it('drops javascript: links but keeps https links, opened safely', () => {
    const out = render('<a href="javascript:alert(1)">bad</a> <a href="https://example.com/x">good</a>');
    const [bad, good] = Array.from(out.querySelectorAll('a'));
    expect(bad?.getAttribute('href')).toBeNull();
    expect(good?.getAttribute('href')).toBe('https://example.com/x');
    expect(good?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(good?.getAttribute('target')).toBe('_blank');
  });

  it('drops iframes, forms, styles and svg payloads', () => {
    const out = render('<iframe src="https://evil"></iframe><form action="/x"><input></form><svg><script>1</script></svg><p style="position:fixed">t</p>');
    expect(out.querySelector('iframe, form, input, svg, script')).toBeNull();
    expect(out.querySelector('p')?.getAttribute('style')).toBeNull();
  });

  it('tells plain text from markup', () => {
    expect(isPlainText('Line 1\nLine 2 < 3')).toBe(true);
    expect(isPlainText('<p>x</p>')).toBe(false);
  });
});
