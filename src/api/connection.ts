/**
 * `GET /hubspot-connection` on our server: where the proxy sends HubSpot calls and the HubSpot API version
 * it forwards (never the token). Every HubSpot request waits for it once, because its path depends on the version.
 */
import * as z from 'zod/mini';
import { getJson } from './http';
import { API_VERSIONS, hubspotPaths, type HubSpotPaths } from './hubspot-paths';

const connectionSchema = z.object({
  mode: z.enum(['mock', 'hubspot']),
  host: z.string(),
  apiVersion: z.enum(API_VERSIONS),
});
export type Connection = z.infer<typeof connectionSchema>;

let loaded: Promise<Connection> | undefined;

/** Asked once: the connection is fixed for the life of the server process. A failure is not kept: the next caller asks again. */
export function loadConnection(): Promise<Connection> {
  loaded ??= getJson('/hubspot-connection', connectionSchema).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Tests: the next caller asks the server again (a new fake HubSpot may speak another version). */
export function forgetConnection(): void {
  loaded = undefined;
}

/** The HubSpot paths of the API version the server speaks. */
export async function currentPaths(): Promise<HubSpotPaths> {
  return hubspotPaths((await loadConnection()).apiVersion);
}
