import { inert } from './sanitize.js';

/** A timestamp as a person reads it: local date and time to the minute ("2025-03-04 14:05"); bad input as given, inert. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  // Timestamps can come from an import file: one that is not a date is untrusted text.
  if (Number.isNaN(d.getTime())) return inert(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Minutes to add to UTC to get the local time at `at` (the opposite sign of getTimezoneOffset). */
export function localOffsetMinutes(at: Date): number {
  return -at.getTimezoneOffset();
}
