import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../../test/hubspot';
import { renderWithProviders } from '../../test/render';
import { buildCallSearchRequest, callQueries, useUpdateCall } from './calls-queries';

let hs: HubSpotFake;
let callId: string;
beforeEach(async () => {
  hs = installHubSpot();
  callId = await hs.create('calls', { hs_call_title: 'Old title', hs_timestamp: '2026-11-01T10:00:00.000Z' });
});
afterEach(() => uninstallHubSpot(hs));

const detailPath = () => hs.paths.object('calls', callId);

function Title({ id }: { id: string }) {
  const { data, error } = useQuery(callQueries.detail(id));
  if (error) return <p>Error: {error.message}</p>;
  return <h1>{data ? data.properties.hs_call_title : 'Loading'}</h1>;
}

describe('call detail query', () => {
  it('aborts the request when the screen that needed it goes away', async () => {
    const read = hs.hold('GET', detailPath());
    const view = renderWithProviders(<Title id={callId} />);
    await read.reached;
    expect(read.aborted).toBe(false);
    view.unmount();
    await waitFor(() => expect(read.aborted).toBe(true));
  });

  it('asks HubSpot for the call properties, history and associations it shows', async () => {
    renderWithProviders(<Title id={callId} />);
    expect(await screen.findByRole('heading', { name: 'Old title' })).toBeInTheDocument();
    const read = hs.requests.find((r) => r.path.startsWith(`/hubspot${detailPath()}?`));
    const url = new URL(read?.path ?? '', 'http://x');
    expect(url.searchParams.get('properties')?.split(',')).toContain('hs_call_disposition');
    expect(url.searchParams.get('propertiesWithHistory')?.split(',')).toContain('hs_call_status');
    expect(url.searchParams.get('associations')).toBe('contacts,companies,deals,tickets');
  });
});

function Editor({ id }: { id: string }) {
  const update = useUpdateCall();
  return (
    <>
      <Title id={id} />
      <button type="button" onClick={() => update.mutate({ id, properties: { hs_call_title: 'Renamed' } })}>
        Rename
      </button>
      {update.error && <p role="alert">{update.error.message}</p>}
    </>
  );
}

describe('useUpdateCall', () => {
  it('shows the new value at once and keeps it when HubSpot saves it', async () => {
    const { queryClient } = renderWithProviders(<Editor id={callId} />);
    expect(await screen.findByRole('heading', { name: 'Old title' })).toBeInTheDocument();
    const save = hs.hold('PATCH', detailPath());
    act(() => screen.getByRole('button', { name: 'Rename' }).click());
    await save.reached;
    expect(await screen.findByRole('heading', { name: 'Renamed' })).toBeInTheDocument();
    save.release();
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    expect(screen.getByRole('heading', { name: 'Renamed' })).toBeInTheDocument();
    expect((await hs.read('calls', callId, ['hs_call_title'])).hs_call_title).toBe('Renamed');
  });

  it('returns to the old value and says why when HubSpot refuses', async () => {
    renderWithProviders(<Editor id={callId} />);
    expect(await screen.findByRole('heading', { name: 'Old title' })).toBeInTheDocument();
    hs.fail('PATCH', detailPath(), 400, hubspotError('Title is too long'));
    // The re-read after the failure is held: what the heading shows comes from the rollback alone.
    const reread = hs.hold('GET', detailPath());
    act(() => screen.getByRole('button', { name: 'Rename' }).click());
    expect(await screen.findByRole('alert')).toHaveTextContent('Title is too long');
    await reread.reached;
    expect(screen.getByRole('heading', { name: 'Old title' })).toBeInTheDocument();
    reread.release();
    expect((await hs.read('calls', callId, ['hs_call_title'])).hs_call_title).toBe('Old title');
  });
});

describe('list view requests', () => {
  it('searches every view newest first unless another sort is chosen', () => {
    const newestFirst = [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }];
    expect(buildCallSearchRequest({ pageSize: 25 })).toMatchObject({ filterGroups: [], sorts: newestFirst, limit: 25 });
    expect(buildCallSearchRequest({ pageSize: 25, search: 'renewal' })).toMatchObject({ query: 'renewal', sorts: newestFirst });
    expect(buildCallSearchRequest({ pageSize: 25, sort: { field: 'title', direction: 'asc' } })?.sorts).toEqual([
      { propertyName: 'hs_call_title', direction: 'ASCENDING' },
    ]);
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
