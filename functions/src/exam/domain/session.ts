// Step 6: an exam session's dates. Registration opens `opensMonthsBefore`
// months before the sitting ("Registration will open 3 months prior to exam
// date") and closes `closesDaysBefore` days before it; the exam can be started
// within the policy's start window, in Europe/Paris wall-clock time ("between
// 11:00 and 14:00 CET"), whatever the daylight-saving offset that day.
import { addDaysIso, addMonthsIso, isIsoDate, PROGRAMME_TIME_ZONE, type IsoDate } from "../../platform/domain/dates.js";
import type { ExamPolicy } from "./import.js";

export interface SessionPlan {
  sittingDate: IsoDate;
  timeZone: string;
  /** First day registration is open (inclusive). */
  registrationOpens: IsoDate;
  /** Last day registration is open, and the last day a registration can be cancelled (inclusive). */
  registrationCloses: IsoDate;
  startWindow: {
    /** Local wall-clock times in `timeZone`. */
    from: string;
    to: string;
    /** The same instants in UTC, ISO 8601. */
    opensAt: string;
    closesAt: string;
  };
}

export type SessionResult = { ok: true; value: SessionPlan } | { ok: false; errors: string[] };

export function planSession(sittingDate: string, exam: ExamPolicy): SessionResult {
  if (!isIsoDate(sittingDate))
    return { ok: false, errors: [`sitting date ${JSON.stringify(sittingDate)} is not a YYYY-MM-DD date`] };
  const registrationOpens = addMonthsIso(sittingDate, -exam.registration.opensMonthsBefore);
  const registrationCloses = addDaysIso(sittingDate, -exam.registration.closesDaysBefore);
  const errors: string[] = [];
  if (registrationCloses < registrationOpens) {
    errors.push(
      `registration would close (${registrationCloses}) before it opens (${registrationOpens}): check the policy`,
    );
  }
  const opensAt = zonedInstant(sittingDate, exam.startWindow.from, PROGRAMME_TIME_ZONE);
  const closesAt = zonedInstant(sittingDate, exam.startWindow.to, PROGRAMME_TIME_ZONE);
  if (!opensAt || !closesAt) errors.push("the start window falls in a daylight-saving gap in Europe/Paris");
  if (errors.length || !opensAt || !closesAt) return { ok: false, errors };
  return {
    ok: true,
    value: {
      sittingDate,
      timeZone: PROGRAMME_TIME_ZONE,
      registrationOpens,
      registrationCloses,
      startWindow: {
        from: exam.startWindow.from,
        to: exam.startWindow.to,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      },
    },
  };
}

export type RegistrationState = "not-open-yet" | "open" | "closed";

/** On `today` (a Europe/Paris calendar date): registering and cancelling are possible only while `open`. */
export function registrationState(plan: SessionPlan, today: IsoDate): RegistrationState {
  if (today < plan.registrationOpens) return "not-open-yet";
  return today <= plan.registrationCloses ? "open" : "closed";
}

/**
 * The instant at which clocks in `timeZone` show `date` `time` (HH:mm), or
 * null when that wall-clock time does not exist there (a spring-forward gap).
 * In an autumn overlap, the earlier instant.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date | null {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Try the offsets in force a day either side of the target: one of them is right.
  const candidates = [wall - offsetMs(wall - 86_400_000, timeZone), wall - offsetMs(wall + 86_400_000, timeZone)]
    .filter((t) => wallClockMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]) : null;
}

/** The wall-clock time shown in `timeZone` at `instant`, as if it were UTC, in ms. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

function offsetMs(instant: number, timeZone: string): number {
  return wallClockMs(instant, timeZone) - instant;
}
