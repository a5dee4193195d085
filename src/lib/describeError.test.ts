import { describe, expect, it } from 'vitest';
import { errorFromResponse, invalidResponseError, networkError } from '../api/errors';
import { describeError } from './describeError';

describe('describeError', () => {
  it("a HubSpot error: HubSpot's message, the facts for support, one line with the correlation ID", () => {
    const d = describeError(
      errorFromResponse(403, { status: 'error', message: 'This app hasn’t been granted all required scopes', correlationId: 'c-403', category: 'MISSING_SCOPES' }),
    );
    expect(d.title).toBe('Not allowed');
    expect(d.message).toBe('This app hasn’t been granted all required scopes');
    expect(d.details).toBe('HTTP 403 · MISSING_SCOPES · Correlation ID: c-403');
    expect(d.text).toBe('This app hasn’t been granted all required scopes (correlation ID c-403)');
  });

  it('a validation error keeps the message of each property', () => {
    const d = describeError(
      errorFromResponse(400, {
        status: 'error',
        message: 'Property values were not valid',
        correlationId: 'c-400',
        category: 'VALIDATION_ERROR',
        errors: [{ message: 'Title is too long', context: { propertyName: ['hs_call_title'] } }],
      }),
    );
    expect(d.title).toBe('HubSpot did not accept the values');
    expect(d.fieldErrors).toEqual({ hs_call_title: 'Title is too long' });
    expect(d.text).toBe('Property values were not valid (correlation ID c-400)');
  });

  it("HubSpot's sentences, not the JSON it embeds in a message", () => {
    const d = describeError(
      errorFromResponse(400, {
        status: 'error',
        message:
          'Property values were not valid: [{"isValid":false,"message":"The engagement 77 is not associated with this record.","error":"INVALID_OPTION","name":"hs_pinned_engagement_id"}]',
        correlationId: 'c-pin',
        category: 'VALIDATION_ERROR',
      }),
    );
    expect(d.message).toBe('The engagement 77 is not associated with this record.');
    expect(d.text).toBe('The engagement 77 is not associated with this record. (correlation ID c-pin)');
  });

  it('a network failure says the server was not reached, with no HTTP facts', () => {
    const d = describeError(networkError(new TypeError('Failed to fetch')));
    expect(d.title).toBe('Could not reach the server');
    expect(d.text).toBe('Could not reach the server. Check your connection and try again (Failed to fetch).');
    expect(d.details).toBeUndefined();
  });

  it('an answer of the wrong shape, a server error and a rate limit', () => {
    expect(describeError(invalidResponseError('/crm/v3/objects/calls', 'results: expected array')).title).toBe('HubSpot answered in an unexpected shape');
    expect(describeError(errorFromResponse(503, '')).text).toBe('HubSpot is unavailable.');
    expect(describeError(errorFromResponse(503, '')).title).toBe('HubSpot had a problem');
    expect(describeError(errorFromResponse(429, { message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT' })).details).toBe('HTTP 429 · RATE_LIMIT');
  });

  it('anything else thrown', () => {
    expect(describeError(new Error('boom')).text).toBe('boom');
    expect(describeError('plain text').text).toBe('plain text');
    expect(describeError(undefined)).toEqual({ title: 'Something went wrong', message: 'Something went wrong.', fieldErrors: {}, text: 'Something went wrong.' });
  });
});
