/**
 * The till's one backoff: how long to wait before asking the provider again, for the client's
 * read retries and the sale engine's probes and resends alike. Exponential with full jitter, so
 * many tills (or many sales) coming back at once do not stampede: the wait is drawn between `min`
 * and a ceiling that doubles with each attempt, capped at `max`.
 */
export function backoffMs(attempt: number, min: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, min * 2 ** Math.max(0, attempt));
  return Math.round(min + random() * Math.max(0, ceiling - min));
}
