import { describe, expect, it } from 'vitest';
import { appPaths, matchAppPath } from './app-paths';

describe('app paths', () => {
  it('builds the URLs a user sees', () => {
    expect(appPaths.calls()).toBe('/calls');
    expect(appPaths.calls('?q=acme')).toBe('/calls?q=acme');
    expect(appPaths.calls(new URLSearchParams({ q: 'a b' }))).toBe('/calls?q=a+b');
    expect(appPaths.newCall()).toBe('/calls/new');
    expect(appPaths.deletedCalls()).toBe('/calls/deleted');
    expect(appPaths.deletedCalls(1)).toBe('/calls/deleted');
    expect(appPaths.deletedCalls(3)).toBe('/calls/deleted?page=3');
    expect(appPaths.call('42')).toBe('/calls/42');
    expect(appPaths.callEdit('4/2')).toBe('/calls/4%2F2/edit');
    expect(appPaths.attention()).toBe('/attention');
    expect(appPaths.attention(7)).toBe('/attention?days=7');
    expect(appPaths.attentionQueue('no-outcome')).toBe('/attention/no-outcome');
    expect(appPaths.attentionQueue('missed-no-callback', 3)).toBe('/attention/missed-no-callback?days=3');
    expect(appPaths.journal()).toBe('/journal');
    expect(appPaths.journalEntry('j 1')).toBe('/journal/j%201');
  });

  it('the route table reads back what the builders write, ids included', () => {
    expect(matchAppPath('/')).toEqual({ name: 'home' });
    expect(matchAppPath(appPaths.calls())).toEqual({ name: 'calls' });
    expect(matchAppPath(appPaths.newCall())).toEqual({ name: 'newCall' });
    expect(matchAppPath(appPaths.deletedCalls())).toEqual({ name: 'deletedCalls' });
    expect(matchAppPath(appPaths.call('a/b c'))).toEqual({ name: 'call', id: 'a/b c' });
    expect(matchAppPath(appPaths.callEdit('7'))).toEqual({ name: 'callEdit', id: '7' });
    expect(matchAppPath('/Calls/7/')).toEqual({ name: 'call', id: '7' });
    expect(matchAppPath(appPaths.attention())).toEqual({ name: 'attention' });
    expect(matchAppPath(appPaths.attentionQueue('duplicates'))).toEqual({ name: 'attentionQueue', queue: 'duplicates' });
    expect(matchAppPath('/attention/a/b')).toBeNull();
    expect(matchAppPath(appPaths.journal())).toEqual({ name: 'journal' });
    expect(matchAppPath('/Journal/')).toEqual({ name: 'journal' });
    expect(matchAppPath(appPaths.journalEntry('j 1'))).toEqual({ name: 'journalEntry', id: 'j 1' });
    expect(matchAppPath('/journal/1/x')).toBeNull();
    expect(matchAppPath('/contacts')).toBeNull();
  });
});
