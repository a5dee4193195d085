import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCallSearchRequest, callQueries, isPlainListView, useUpdateCall } from './calls-queries';

afterEach(() => {
  vi.unstubAllGlobals();
});

function wrapper(client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

const call = (title: string) => ({
  id: '42',
  properties: { hs_call_title: title, hs_object_id: '42' },
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  archived: false,
});

function Title({ id }: { id: string }) {
  const { data, error } = useQuery(callQueries.detail(id));
  if (error) return <p>Error: {error.message}</p>;
  return <h1>{data ? data.properties.hs_call_title : 'Loading'}</h1>;
}

describe('call detail query', () => {
  it('aborts the request when the screen that needed it goes away', async () => {
    const signals: AbortSignal[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        if (init.signal) signals.push(init.signal);
        return new Promise<Response>(() => undefined);
      }),
    );
    const view = render(<Title id="42" />, { wrapper: wrapper(newClient()) });
    await waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]?.aborted).toBe(false);
    view.unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));
  });

  it('asks HubSpot for the call properties, history and associations it shows', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return new Response(JSON.stringify(call('Discovery call')), { status: 200 });
      }),
    );
    render(<Title id="42" />, { wrapper: wrapper(newClient()) });
    expect(await screen.findByRole('heading', { name: 'Discovery call' })).toBeInTheDocument();
    const url = new URL(urls[0] ?? '', 'http://x');
    expect(url.pathname).toBe('/hubspot/crm/v3/objects/calls/42');
    expect(url.searchParams.get('properties')?.split(',')).toContain('hs_call_disposition');
    expect(url.searchParams.get('propertiesWithHistory')?.split(',')).toContain('hs_call_status');
    expect(url.searchParams.get('associations')).toBe('contacts,companies,deals,tickets');
  });
});

function Editor() {
  const update = useUpdateCall();
  return (
    <>
      <Title id="42" />
      <button type="button" onClick={() => update.mutate({ id: '42', properties: { hs_call_title: 'Renamed' } })}>
        Rename
      </button>
      {update.error && <p role="alert">{update.error.message}</p>}
    </>
  );
}

describe('useUpdateCall', () => {
  it('shows the new value at once and keeps it when HubSpot saves it', async () => {
    let release: (r: Response) => void = () => undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        if (init.method === 'PATCH') return new Promise<Response>((r) => (release = r));
        return Promise.resolve(new Response(JSON.stringify(call('Renamed')), { status: 200 }));
      }),
    );
    const client = newClient();
    client.setQueryData(callQueries.detail('42').queryKey, call('Old title'));
    render(<Editor />, { wrapper: wrapper(client) });
    act(() => screen.getByRole('button', { name: 'Rename' }).click());
    expect(await screen.findByRole('heading', { name: 'Renamed' })).toBeInTheDocument();
    act(() => release(new Response(JSON.stringify(call('Renamed')), { status: 200 })));
    await waitFor(() => expect(client.isMutating()).toBe(0));
    expect(screen.getByRole('heading', { name: 'Renamed' })).toBeInTheDocument();
  });

  it('returns to the old value and says why when HubSpot refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        if (init.method === 'PATCH') {
          return new Response(JSON.stringify({ status: 'error', message: 'Title is too long', category: 'VALIDATION_ERROR', correlationId: 'c-1' }), { status: 400 });
        }
        return new Response(JSON.stringify(call('Old title')), { status: 200 });
      }),
    );
    const client = newClient();
    client.setQueryData(callQueries.detail('42').queryKey, call('Old title'));
    render(<Editor />, { wrapper: wrapper(client) });
    act(() => screen.getByRole('button', { name: 'Rename' }).click());
    expect(await screen.findByRole('alert')).toHaveTextContent('Title is too long');
    expect(screen.getByRole('heading', { name: 'Old title' })).toBeInTheDocument();
  });
});

describe('list view requests', () => {
  it('uses the list endpoint only for the plain view', () => {
    expect(isPlainListView({ pageSize: 25 })).toBe(true);
    expect(isPlainListView({ pageSize: 25, search: '  ' })).toBe(true);
    expect(isPlainListView({ pageSize: 25, search: 'renewal' })).toBe(false);
    expect(isPlainListView({ pageSize: 25, sort: { field: 'time', direction: 'desc' } })).toBe(false);
    expect(isPlainListView({ pageSize: 25, filters: { direction: 'INBOUND' } })).toBe(false);
  });

  it('turns filters, sort and search into HubSpot search filters', () => {
    const req = buildCallSearchRequest({
      pageSize: 50,
      after: '100',
      search: ' renewal ',
      sort: { field: 'duration', direction: 'asc' },
      filters: {
        outcomes: ['f240bbac-87c9-4f6e-bf70-924b57d47db7'],
        direction: 'OUTBOUND',
        statuses: ['COMPLETED', 'NO_ANSWER'],
        ownerIds: ['7'],
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
        hasRecording: true,
        associated: { type: 'companies', id: '12' },
      },
    });
    expect(req).toMatchObject({
      query: 'renewal',
      limit: 50,
      after: '100',
      sorts: [{ propertyName: 'hs_call_duration', direction: 'ASCENDING' }],
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_call_disposition', operator: 'IN', values: ['f240bbac-87c9-4f6e-bf70-924b57d47db7'] },
            { propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' },
            { propertyName: 'hs_call_status', operator: 'IN', values: ['COMPLETED', 'NO_ANSWER'] },
            { propertyName: 'hubspot_owner_id', operator: 'IN', values: ['7'] },
            { propertyName: 'hs_timestamp', operator: 'BETWEEN', value: '1767225600000', highValue: '1769904000000' },
            { propertyName: 'hs_call_recording_url', operator: 'HAS_PROPERTY' },
            { propertyName: 'associations.company', operator: 'EQ', value: '12' },
          ],
        },
      ],
    });
  });
});
