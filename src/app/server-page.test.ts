import { describe, expect, it } from 'vitest';
import { parseServerPageState, serverPageStateElement, type ServerPageState } from './server-page';

/** The element's text as the browser's parser gives it (a script element's content is raw text up to `</script`). */
function textOf(element: string): string | undefined {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${element}<p>after</p></body>`, 'text/html');
  expect(doc.body.lastElementChild?.textContent).toBe('after');
  return doc.getElementById('server-page-state')?.textContent ?? undefined;
}

describe('the state a server-rendered page carries', () => {
  it('comes back as it went, Maps and Sets included, whatever text the data holds', () => {
    const title = 'Call </script><script>alert(1)</script> <!-- & "quotes"';
    const state = {
      timeZone: 'Asia/Tokyo',
      queries: {
        mutations: [],
        queries: [{ queryKey: ['calls'], state: { data: { title, contacts: new Map([['7', ['c1', 'c2']]]), ids: new Set(['a', 'b']) } } }],
      },
    } as unknown as ServerPageState;
    const element = serverPageStateElement(state);
    expect(parseServerPageState(textOf(element))).toEqual(state);
  });

  it('is none when the page has no state or an unreadable one', () => {
    expect(parseServerPageState(undefined)).toBeNull();
    expect(parseServerPageState('{"timeZone":')).toBeNull();
    expect(parseServerPageState('{"timeZone":"UTC"}')).toBeNull();
  });
});
