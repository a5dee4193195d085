import { describe, expect, it } from 'vitest';
import { errorFromResponse, parseRetryAfter } from './errors';

describe('errorFromResponse', () => {
  it('reads HubSpot validation errors onto the properties they name', () => {
    const body = {
      status: 'error',
      message: 'Property values were not valid',
      correlationId: '3f9c2a61-0d5e-4f7e-9a1b-2c3d4e5f6a7b',
      category: 'VALIDATION_ERROR',
      errors: [
        { message: '"fast" is not a valid option for hs_call_status', code: 'INVALID_OPTION', context: { propertyName: ['hs_call_status'] } },
        { message: 'Recording URLs must use https', code: 'INVALID_URL', in: 'hs_call_recording_url' },
        { message: 'second message for the same field is not kept', context: { propertyName: ['hs_call_status'] } },
      ],
    };
    const e = errorFromResponse(400, body);
    expect(e.status).toBe(400);
    expect(e.message).toBe('Property values were not valid');
    expect(e.category).toBe('VALIDATION_ERROR');
    expect(e.correlationId).toBe('3f9c2a61-0d5e-4f7e-9a1b-2c3d4e5f6a7b');
    expect(e.fieldErrors).toEqual({
      hs_call_status: '"fast" is not a valid option for hs_call_status',
      hs_call_recording_url: 'Recording URLs must use https',
    });
    expect(e.body).toBe(body);
  });

  it('reads a 429 body, which has no category, and its Retry-After', () => {
    const e = errorFromResponse(
      429,
      { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', errorType: 'RATE_LIMIT', correlationId: 'c1', policyName: 'TEN_SECONDLY_ROLLING' },
      new Headers({ 'Retry-After': '7' }),
    );
    expect(e.category).toBe('RATE_LIMIT');
    expect(e.retryAfterSeconds).toBe(7);
    expect(e.message).toContain('limit');
  });

  it('explains a status when the body is not HubSpot JSON', () => {
    const e = errorFromResponse(502, '<html>Bad gateway</html>'.repeat(30), new Headers({ 'X-HubSpot-Correlation-Id': 'abc' }));
    expect(e.message).toBe('HubSpot could not be reached.');
    expect(e.category).toBe('HTTP_502');
    expect(e.correlationId).toBe('abc');
    expect(e.fieldErrors).toEqual({});
  });

  it('keeps a short plain-text body as the message', () => {
    expect(errorFromResponse(500, 'upstream exploded').message).toBe('upstream exploded');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(10_000 + 4_000).toUTCString(), 10_000)).toBe(4);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
