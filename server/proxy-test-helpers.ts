import { expect } from 'vitest';

/** Asserts a refusal by the proxy: 403 with HubSpot's error body (FORBIDDEN, `message`, a correlation id). */
export async function expectRefused(res: Response, message: string | RegExp): Promise<void> {
  expect(res.status).toBe(403);
  expect(await res.json()).toMatchObject({
    status: 'error',
    category: 'FORBIDDEN',
    message: typeof message === 'string' ? message : expect.stringMatching(message),
    correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
}
