/** PostgREST and edge functions never answer more than this many rows per request on Nexus (db-max-rows). */
export const NEXUS_MAX_PAGE_SIZE = 100;
