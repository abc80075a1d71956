// Calendar dates are ISO `YYYY-MM-DD` strings everywhere in the domain. ISO
// strings of that form compare correctly as strings, so comparisons need no
// parsing; month arithmetic goes through date-fns on local-midnight dates.
import { addDays, addMonths, differenceInCalendarDays } from "date-fns";

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-31 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

export function toDate(iso: IsoDate): Date {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day);
}

export function toIso(date: Date): IsoDate {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return toIso(addMonths(toDate(iso), months));
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return toIso(addDays(toDate(iso), days));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** Inclusive: from <= date <= to; an open end (null) has no limit. */
export function isWithin(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date <= to);
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/**
 * Length of the half-open span [start, endExclusive) in months: whole
 * calendar months, plus the leftover days / 30. 1 Jan to 1 Apr = 3.0.
 */
export function monthsBetween(start: IsoDate, endExclusive: IsoDate): number {
  if (endExclusive <= start) return 0;
  const from = toDate(start);
  const to = toDate(endExclusive);
  let whole = (to.getFullYear() - from.getFullYear()) * 12 + (to.getMonth() - from.getMonth());
  while (whole > 0 && addMonths(from, whole) > to) whole -= 1;
  const leftoverDays = differenceInCalendarDays(to, addMonths(from, whole));
  return whole + leftoverDays / 30;
}

/** The calendar date of `instant` in `timeZone` (the programme runs on Europe/Paris days). */
export function calendarDateIn(timeZone: string, instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const PROGRAMME_TIME_ZONE = "Europe/Paris";
