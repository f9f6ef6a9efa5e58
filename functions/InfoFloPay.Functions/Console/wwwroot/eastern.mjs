// Times as the support team reads them: the business calendar runs on New York time, so every instant the console
// shows is in Eastern time, labelled "ET", whatever the agent's own machine is set to.

export const TIME_ZONE = 'America/New_York';

const dayAndTime = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit' });
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "Tue, Nov 24, 9:00 AM ET"; just "9:00 AM ET" when it is the same Eastern day as `now` and `short` is asked for. */
export function formatEastern(instant, { now, short = false } = {}) {
  if (instant === null || instant === undefined || instant === '') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = short && now !== undefined && dayKey.format(date) === dayKey.format(new Date(now));
  return `${(sameDay ? timeOnly : dayAndTime).format(date)} ET`;
}

/** A span of time for people: "45m", "2h 10m", "3d 4h"; under a minute is "under 1m". */
export function formatDuration(milliseconds) {
  const minutes = Math.floor(Math.abs(milliseconds) / 60000);
  if (minutes < 1) return 'under 1m';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

/** "in 2h 10m", "25m ago", or "just now" within a minute either side, from `now` to `instant`. */
export function formatRelative(instant, now) {
  const delta = new Date(instant).getTime() - new Date(now).getTime();
  if (Math.abs(delta) < 60000) return 'just now';
  return delta >= 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/** The offset of Eastern time from UTC at `instant`, in minutes (−300 in winter, −240 in summer). */
export function easternOffsetMinutes(instant) {
  const date = new Date(instant);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/**
 * The UTC instant of an Eastern wall-clock time as a `datetime-local` input gives it ("2026-11-24T09:30"), so a
 * manager types maintenance windows in the desk's own time. Null when the text is not such a time.
 */
export function easternWallTimeToUtc(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the guessed instant, then at the corrected one: right on both sides of a DST change.
  let instant = asUtc - easternOffsetMinutes(asUtc) * 60000;
  instant = asUtc - easternOffsetMinutes(instant) * 60000;
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** The `datetime-local` value (Eastern wall clock) of a UTC instant. */
export function utcToEasternWallTime(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() + easternOffsetMinutes(date) * 60000);
  return shifted.toISOString().slice(0, 16);
}
