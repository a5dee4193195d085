import { afterEach, describe, expect, it } from 'vitest';
import { LIST_URL_STORAGE_KEY, lastListUrl, rememberListUrl } from './list-return';

afterEach(() => {
  sessionStorage.clear();
  delete (window as unknown as { navigation?: unknown }).navigation;
});

describe('the list URL "Open in list" returns to', () => {
  it('is the plain list when nothing is known', () => {
    expect(lastListUrl()).toBe('/calls');
  });

  it('is the remembered list URL with its filters, sort and search', () => {
    rememberListUrl('/calls?q=acme&sort=duration.desc&size=50');
    expect(lastListUrl()).toBe('/calls?q=acme&sort=duration.desc&size=50');
  });

  it('ignores URLs that are not the list', () => {
    rememberListUrl('/calls/123');
    sessionStorage.setItem(LIST_URL_STORAGE_KEY, 'https://evil.example.com/calls');
    expect(lastListUrl()).toBe('/calls');
  });

  it('falls back to the last list page in this tab’s history', () => {
    const origin = window.location.origin;
    const entries = [
      { url: `${origin}/calls?size=10`, index: 0 },
      { url: `${origin}/calls?q=beta`, index: 1 },
      { url: `${origin}/calls/7`, index: 2 },
      { url: `${origin}/calls?q=later`, index: 3 },
    ];
    (window as unknown as { navigation: unknown }).navigation = { entries: () => entries, currentEntry: entries[2] };
    expect(lastListUrl()).toBe('/calls?q=beta');
  });
});
