import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureHttp, resetHttpConfig } from '../../../api/http';
import { callKeys } from '../calls-queries';
import { CallQueryGate } from './CallQueryGate';

const call = {
  id: '42',
  properties: { hs_call_title: 'Loaded earlier', hs_object_id: '42' },
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  archived: false,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  resetHttpConfig();
});

function renderGate(answers: Response[]) {
  configureHttp({ maxUnavailableRetries: 0 });
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(answers.shift() ?? json(500, { message: 'no more answers' }))));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(callKeys.detail('42'), call);
  render(
    <QueryClientProvider client={client}>
      <CallQueryGate id="42">{(c) => <h1>{c.properties.hs_call_title}</h1>}</CallQueryGate>
    </QueryClientProvider>,
  );
  return client;
}

describe('CallQueryGate', () => {
  it('keeps the loaded call on screen when a background refresh fails, with the error and Retry beside it', async () => {
    const client = renderGate([
      json(503, { status: 'error', message: 'Service Unavailable', category: 'SERVICE_UNAVAILABLE' }),
      json(200, { ...call, properties: { ...call.properties, hs_call_title: 'Fresh from HubSpot' } }),
    ]);
    await client.refetchQueries({ queryKey: callKeys.detail('42') });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not refresh the call from HubSpot');
    expect(alert).toHaveTextContent('Service Unavailable');
    expect(screen.getByRole('heading', { name: 'Loaded earlier' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Fresh from HubSpot' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says when the call is gone from HubSpot but keeps what was on screen', async () => {
    const client = renderGate([json(404, { status: 'error', message: 'Object not found.', category: 'OBJECT_NOT_FOUND' })]);
    await client.refetchQueries({ queryKey: callKeys.detail('42') });
    expect(await screen.findByRole('alert')).toHaveTextContent('HubSpot no longer has this call');
    expect(screen.getByRole('heading', { name: 'Loaded earlier' })).toBeInTheDocument();
  });
});
