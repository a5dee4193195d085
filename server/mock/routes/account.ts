import { Hono } from 'hono';
import type { Clock } from '../clock.js';
import { accountDetails } from '../crm/account-info.js';
import { sendJson, type MockEnv } from './http.js';

/** Account information, relative to the mount (`/account-info/v3`, `/account-info/2026-09`): `/details`. */
export function accountInfoRoutes(clock: Clock): Hono<MockEnv> {
  return new Hono<MockEnv>().get('/details', (c) => sendJson(c, accountDetails(clock.now())));
}
