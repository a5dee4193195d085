import { afterEach, describe, expect, it } from 'vitest';
import { clearListFocus, LIST_URL_STORAGE_KEY, lastListUrl, listFocus, moveListReturn, rememberedListUrl, rememberListFocus, rememberListUrl } from './list-return';

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
    expect(rememberedListUrl()).toBeNull();
    rememberListUrl('/calls?q=beta');
    expect(rememberedListUrl()).toBe('/calls?q=beta');
  });
});
