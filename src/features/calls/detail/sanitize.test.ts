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

  it('keeps no element or attribute that loads from another host, but keeps the text around it', () => {
    const payloads = [
      '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png" autoplay></video>',
      '<video><source src="https://evil.example/v.webm" type="video/webm"><track src="https://evil.example/t.vtt"></video>',
      '<audio src="https://evil.example/a.mp3" autoplay></audio>',
      '<audio><source src="https://evil.example/a.ogg"></audio>',
      '<picture><source srcset="https://evil.example/1.png 1x"><img src="https://evil.example/2.png"></picture>',
      '<img src="https://evil.example/i.png" srcset="https://evil.example/i2.png 2x">',
      '<img src="//evil.example/i.png">',
      '<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>',
      '<a href="https://example.com" ping="https://evil.example/ping">link</a>',
      '<embed src="https://evil.example/e.swf"><object data="https://evil.example/o"></object>',
    ];
    for (const payload of payloads) {
      const html = sanitizeCallBody(`<p>before</p>${payload}<p>after</p>`);
      expect(html, payload).not.toContain('evil.example');
      expect(html, payload).not.toMatch(/<(video|audio|source|track|picture|embed|object)\b/);
      expect(render(`<p>before</p>${payload}<p>after</p>`).textContent, payload).toMatch(/^before.*after$/);
    }
  });

  it('keeps inline data: images, which contact nobody', () => {
    const src = 'data:image/png;base64,iVBORw0KGgo=';
    expect(render(`<img src="${src}" alt="chart">`).querySelector('img')?.getAttribute('src')).toBe(src);
  });

  it('tells plain text from markup', () => {
    expect(isPlainText('Line 1\nLine 2 < 3')).toBe(true);
    expect(isPlainText('<p>x</p>')).toBe(false);
  });
});
