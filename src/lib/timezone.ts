/** The user's IANA time zone, without pulling a date library into the bundle. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
