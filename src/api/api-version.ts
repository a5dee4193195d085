/**
 * The HubSpot API version our server speaks (`apiVersion` of `GET /hubspot-connection`, from
 * HUBSPOT_API_VERSION). Every HubSpot request's path depends on it, so it is asked once and kept: it is
 * fixed for the life of the server process. A failure is not kept: the next request asks again.
 */
import * as z from 'zod/mini';
import { getJson } from './http';
import { API_VERSIONS, hubspotPaths, type HubSpotPaths } from './hubspot-paths';

const versionSchema = z.object({ apiVersion: z.enum(API_VERSIONS) });

let loaded: Promise<HubSpotPaths> | undefined;

/** The HubSpot paths of the API version the server speaks. */
export function currentPaths(): Promise<HubSpotPaths> {
  loaded ??= getJson('/hubspot-connection', versionSchema).then(
    ({ apiVersion }) => hubspotPaths(apiVersion),
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}

/** Tests: the next request asks the server again (a new fake HubSpot may speak another version). */
export function forgetApiVersion(): void {
  loaded = undefined;
}
