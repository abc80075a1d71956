// Calendar days as integers (days since 1970-01-01), for the loops that
// compare and subtract many dates: cheaper than date-fns on Date objects, and
// exact (UTC has no daylight-saving days).
import type { IsoDate } from "../../platform/domain/dates.js";

export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}
