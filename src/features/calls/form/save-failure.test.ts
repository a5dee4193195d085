import { describe, expect, it } from 'vitest';
import { errorFromResponse, networkError } from '../../../api/errors';
import { NotSentError, saveFailureKind } from './save-failure';

describe('saveFailureKind', () => {
  it('calls "not saved" only what HubSpot refused or what never left', () => {
    expect(saveFailureKind(errorFromResponse(400, { message: 'Property values were not valid', category: 'VALIDATION_ERROR' }))).toBe('refused');
    expect(saveFailureKind(errorFromResponse(502, { message: 'Could not reach HubSpot (api.hubapi.com): ECONNREFUSED.', category: 'BAD_GATEWAY' }))).toBe('not-sent');
    expect(saveFailureKind(new NotSentError('re-read failed'))).toBe('not-sent');
  });

  it('treats timeouts, connections lost after sending and our own server gone as maybe applied', () => {
    expect(saveFailureKind(errorFromResponse(504, { category: 'GATEWAY_TIMEOUT', message: 'did not answer' }))).toBe('ambiguous');
    expect(saveFailureKind(errorFromResponse(502, { category: 'UPSTREAM_CONNECTION_LOST', message: 'lost' }))).toBe('ambiguous');
    expect(saveFailureKind(errorFromResponse(502, '<html>Bad gateway</html>'))).toBe('ambiguous');
    expect(saveFailureKind(networkError(new TypeError('Failed to fetch')))).toBe('ambiguous');
  });
});
