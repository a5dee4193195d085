import { afterEach, describe, expect, it } from 'vitest';
import { clearListFocus, LIST_URL_STORAGE_KEY, lastListUrl, listFocus, moveListReturn, rememberedList, rememberListFocus, rememberListUrl } from './list-return';

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

describe('the row the list focuses on return', () => {
  it('is the one opened, with its cell and scroll position, until used', () => {
    expect(listFocus()).toBeNull();
    rememberListFocus({ callId: '42', listUrl: '/calls?q=acme', field: 'outcome', scrollY: 480 });
    expect(listFocus()).toEqual({ callId: '42', listUrl: '/calls?q=acme', field: 'outcome', scrollY: 480 });
    clearListFocus();
    expect(listFocus()).toBeNull();
  });

  it('follows triage to another call and page: same cell, the row scrolled into view, the list URL of its page', () => {
    rememberListUrl('/calls?q=acme&size=10');
    rememberListFocus({ callId: '42', listUrl: '/calls?q=acme&size=10', field: 'time', scrollY: 480 });
    moveListReturn('43', '/calls?q=acme&size=10&after=10');
    expect(listFocus()).toEqual({ callId: '43', listUrl: '/calls?q=acme&size=10&after=10', field: 'time' });
    expect(lastListUrl()).toBe('/calls?q=acme&size=10&after=10');
  });

  it('ignores what is not a list URL or not well formed', () => {
    sessionStorage.setItem('calls-admin:list-focus', JSON.stringify({ callId: '42', listUrl: 'https://evil.example.com/calls' }));
    expect(listFocus()).toBeNull();
    sessionStorage.setItem('calls-admin:list-focus', '{not json');
    expect(listFocus()).toBeNull();
  });

  it('knows when no list was shown in this tab', () => {
    expect(rememberedList()).toBeNull();
    rememberListUrl('/calls?q=beta');
    expect(rememberedList()).toEqual({ url: '/calls?q=beta' });
  });
});

describe('a rule view (a queue shown in the list’s grid)', () => {
  const groups = [[{ propertyName: 'hs_call_disposition', operator: 'NOT_HAS_PROPERTY' as const }]];

  it('is remembered with its filter groups, and "Open in list" returns to it', () => {
    rememberListUrl('/attention/no-outcome?size=10', groups);
    expect(rememberedList()).toEqual({ url: '/attention/no-outcome?size=10', groups });
    expect(lastListUrl()).toBe('/attention/no-outcome?size=10');
  });

  it('is not a list without its groups, and the plain list forgets them', () => {
    rememberListUrl('/attention/no-outcome');
    expect(rememberedList()).toBeNull();
    rememberListUrl('/attention/no-outcome', groups);
    rememberListUrl('/calls?q=beta');
    expect(rememberedList()).toEqual({ url: '/calls?q=beta' });
  });

  it('ignores another origin and groups that are not well formed', () => {
    rememberListUrl('//evil.example.com/x', groups);
    expect(rememberedList()).toBeNull();
    sessionStorage.setItem(LIST_URL_STORAGE_KEY, '/attention/no-outcome');
    sessionStorage.setItem('calls-admin:last-list-groups', '[{"nope":1}]');
    expect(rememberedList()).toBeNull();
  });

  it('follows triage to another page with its groups', () => {
    rememberListUrl('/attention/no-outcome?size=10', groups);
    moveListReturn('43', '/attention/no-outcome?size=10&after=10', groups);
    expect(rememberedList()).toEqual({ url: '/attention/no-outcome?size=10&after=10', groups });
  });
});
