import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubSpotApiError } from '../api/errors';
import { configureHttp, hubspotRequest, resetHttpConfig } from '../api/http';
import * as z from 'zod/mini';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorState } from '../components/ErrorState';
import { NotificationsProvider, useNotify } from '../lib/notifications';
import { hubspotError, installHubSpot, uninstallHubSpot, type HubSpotFake } from '../test/hubspot';
import { renderWithProviders } from '../test/render';
import { shouldRetryQuery } from './query-client';
import { RetryNotice } from './RetryNotice';
import { AppRoutes } from './router';

let hs: HubSpotFake;
beforeEach(() => {
  hs = installHubSpot();
});
afterEach(() => {
  uninstallHubSpot(hs);
  resetHttpConfig();
});

describe('ErrorState', () => {
  it("shows HubSpot's message, status, category and correlationId, and retries", async () => {
    const onRetry = vi.fn();
    const error = new HubSpotApiError({
      status: 400,
      category: 'VALIDATION_ERROR',
      message: 'Property values were not valid',
      correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
    });
    render(<ErrorState error={error} title="Could not save the call" onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not save the call');
    expect(alert).toHaveTextContent('Property values were not valid');
    expect(alert).toHaveTextContent('HTTP 400 · VALIDATION_ERROR');
    expect(alert).toHaveTextContent('Correlation ID: aeb5f871-7f07-4993-9211-075dc63e7cbf');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows a plain error message without HubSpot details', () => {
    render(<ErrorState error={new Error('boom')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    expect(screen.queryByText(/Correlation ID/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});

describe('query client defaults', () => {
  const err = (status: number, category = `HTTP_${status}`) => new HubSpotApiError({ status, category, message: 'x' });
  it('never retries a 4xx or a server answer, retries a network failure once', () => {
    expect(shouldRetryQuery(0, err(400))).toBe(false);
    expect(shouldRetryQuery(0, err(404))).toBe(false);
    expect(shouldRetryQuery(0, err(429, 'RATE_LIMIT'))).toBe(false);
    expect(shouldRetryQuery(0, err(503))).toBe(false);
    expect(shouldRetryQuery(0, err(0, 'NETWORK_ERROR'))).toBe(true);
    expect(shouldRetryQuery(1, err(0, 'NETWORK_ERROR'))).toBe(false);
  });
});

function NotifyButton() {
  const notify = useNotify();
  const undo = vi.fn();
  return (
    <>
      <button onClick={() => notify({ message: 'Call saved', severity: 'success' })}>save</button>
      <button onClick={() => notify({ message: 'Call deleted', severity: 'info', action: { label: 'Undo', onClick: undo } })}>delete</button>
    </>
  );
}

describe('notifications', () => {
  it('shows a snackbar message and its action', async () => {
    render(
      <NotificationsProvider>
        <NotifyButton />
      </NotificationsProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(await screen.findByText('Call saved')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByText('Call saved')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'delete' }));
    expect(await screen.findByText('Call deleted')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeVisible();
  });

  it('refuses to work outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<NotifyButton />)).toThrow(/NotificationsProvider/);
  });
});

describe('RetryNotice', () => {
  it('tells the user while http.ts waits out a 429', async () => {
    let release: () => void = () => {};
    configureHttp({ sleep: () => new Promise<void>((resolve) => (release = resolve)) });
    hs.fail('GET', hs.paths.objects('calls'), 429, { ...hubspotError('You have reached your secondly limit.', 'RATE_LIMIT'), errorType: 'RATE_LIMIT' }, {
      headers: { 'retry-after': '7' },
    });
    render(<RetryNotice />);
    let result: Promise<unknown> = Promise.resolve();
    act(() => {
      result = hubspotRequest(hs.paths.objects('calls'), { schema: z.object({ results: z.array(z.unknown()) }) });
    });
    expect(await screen.findByText('HubSpot is rate-limiting, retrying in 7 s')).toBeVisible();
    await act(async () => {
      release();
      await result;
    });
    expect(screen.queryByText(/rate-limiting/)).not.toBeInTheDocument();
  });
});

describe('ConfirmDialog', () => {
  it('focuses Cancel first and confirms on request', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<ConfirmDialog open title="Delete this call?" message="It is removed from HubSpot." confirmLabel="Delete" destructive onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete this call?' });
    expect(dialog).toHaveAccessibleDescription('It is removed from HubSpot.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });
});

describe('routes', () => {
  it('shows the not-found page with a way back for an unknown address', async () => {
    renderWithProviders(<AppRoutes />, { route: '/definitely/not/here' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to calls' })).toHaveAttribute('href', '/calls');
    expect(await screen.findByText('Mock')).toBeVisible();
    expect(screen.getByRole('link', { name: 'HubSpot Calls Admin' })).toBeVisible();
  });

  it('catches a crashing page inside the shell and offers a way back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Boom(): never {
      throw new Error('Cannot read properties of undefined (reading "hs_call_title")');
    }
    renderWithProviders(<AppRoutes resolve={(pathname) => ({ element: pathname === '/calls/7' ? <Boom /> : null })} />, { route: '/calls/7' });
    expect(await screen.findByRole('heading', { name: 'This page stopped working' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot read properties of undefined (reading "hs_call_title")');
    expect(screen.getByRole('link', { name: 'Back to calls' })).toHaveAttribute('href', '/calls');
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeVisible();
    // The shell (app bar) is still there around the failed page.
    expect(screen.getByRole('link', { name: 'HubSpot Calls Admin' })).toBeVisible();
  });
});
