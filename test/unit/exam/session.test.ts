import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  planSession,
  registrationState,
  zonedInstant,
  type SessionPlan,
} from "../../../functions/src/exam/domain/index.js";

const exam = DEFAULT_POLICY.exam;

function plan(date: string, policy = exam): SessionPlan {
  const result = planSession(date, policy);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return result.value;
}

describe("planSession", () => {
  it("the programme's 2025 sitting: registration from 3 months before to 14 days before, 11:00–14:00 Paris (CET)", () => {
    expect(plan("2025-11-07")).toEqual({
      sittingDate: "2025-11-07",
      timeZone: "Europe/Paris",
      registrationOpens: "2025-08-07",
      registrationCloses: "2025-10-24",
      startWindow: {
        from: "11:00",
        to: "14:00",
        opensAt: "2025-11-07T10:00:00.000Z",
        closesAt: "2025-11-07T13:00:00.000Z",
      },
    });
  });

  it("a summer sitting is on summer time (CEST, UTC+2)", () => {
    expect(plan("2026-06-12").startWindow).toMatchObject({
      opensAt: "2026-06-12T09:00:00.000Z",
      closesAt: "2026-06-12T12:00:00.000Z",
    });
  });

  it("the day clocks change keeps the Paris wall-clock times", () => {
    // 29 March 2026: 02:00 CET → 03:00 CEST; 11:00 is already summer time
    expect(plan("2026-03-29").startWindow.opensAt).toBe("2026-03-29T09:00:00.000Z");
    // 25 October 2026: 03:00 CEST → 02:00 CET; 11:00 is winter time
    expect(plan("2026-10-25").startWindow.opensAt).toBe("2026-10-25T10:00:00.000Z");
  });

  it("opening months count in calendar months (31 May − 3 months = 28 February)", () => {
    expect(plan("2026-05-31").registrationOpens).toBe("2026-02-28");
  });

  it("follows the policy", () => {
    const policy = {
      ...exam,
      registration: { opensMonthsBefore: 4, closesDaysBefore: 0 },
      startWindow: { from: "09:30", to: "10:00" },
    };
    expect(plan("2025-11-07", policy)).toMatchObject({
      registrationOpens: "2025-07-07",
      registrationCloses: "2025-11-07",
      startWindow: { opensAt: "2025-11-07T08:30:00.000Z", closesAt: "2025-11-07T09:00:00.000Z" },
    });
  });

  it("refuses an impossible date, a policy that closes before opening, a window in a clock-change gap", () => {
    expect(planSession("2026-02-29", exam)).toEqual({
      ok: false,
      errors: ['sitting date "2026-02-29" is not a YYYY-MM-DD date'],
    });
    const closed = planSession("2025-11-07", { ...exam, registration: { opensMonthsBefore: 0, closesDaysBefore: 1 } });
    expect(closed.ok).toBe(false);
    const gap = planSession("2026-03-29", { ...exam, startWindow: { from: "02:15", to: "04:00" } });
    expect(gap).toEqual({ ok: false, errors: ["the start window falls in a daylight-saving gap in Europe/Paris"] });
  });
});

describe("registrationState", () => {
  it("is open from the opening day to the closing day, both included", () => {
    const session = plan("2025-11-07");
    expect(registrationState(session, "2025-08-06")).toBe("not-open-yet");
    expect(registrationState(session, "2025-08-07")).toBe("open");
    expect(registrationState(session, "2025-10-24")).toBe("open");
    expect(registrationState(session, "2025-10-25")).toBe("closed");
    expect(registrationState(session, "2025-11-08")).toBe("closed");
  });
});

describe("zonedInstant", () => {
  it("gives null for a wall-clock time that does not exist, the earlier instant for one that exists twice", () => {
    expect(zonedInstant("2026-03-29", "02:30", "Europe/Paris")).toBeNull();
    expect(zonedInstant("2026-10-25", "02:30", "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInstant("2026-01-15", "00:00", "Europe/Paris")?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(zonedInstant("2026-01-15", "23:59", "UTC")?.toISOString()).toBe("2026-01-15T23:59:00.000Z");
  });
});

describe("planSession: the policy's edges", () => {
  it("registration may close on the day it opens; one day earlier is refused with both dates", () => {
    const sameDay = planSession("2025-11-07", { ...exam, registration: { opensMonthsBefore: 0, closesDaysBefore: 0 } });
    expect(sameDay.ok && [sameDay.value.registrationOpens, sameDay.value.registrationCloses]).toEqual([
      "2025-11-07",
      "2025-11-07",
    ]);
    expect(planSession("2025-11-07", { ...exam, registration: { opensMonthsBefore: 0, closesDaysBefore: 1 } })).toEqual(
      {
        ok: false,
        errors: ["registration would close (2025-11-06) before it opens (2025-11-07): check the policy"],
      },
    );
  });

  it("a window whose end falls in the gap is refused, and every problem is listed together", () => {
    expect(planSession("2026-03-29", { ...exam, startWindow: { from: "01:00", to: "02:30" } })).toEqual({
      ok: false,
      errors: ["the start window falls in a daylight-saving gap in Europe/Paris"],
    });
    expect(
      planSession("2026-03-29", {
        ...exam,
        registration: { opensMonthsBefore: 0, closesDaysBefore: 1 },
        startWindow: { from: "02:15", to: "04:00" },
      }),
    ).toEqual({
      ok: false,
      errors: [
        "registration would close (2026-03-28) before it opens (2026-03-29): check the policy",
        "the start window falls in a daylight-saving gap in Europe/Paris",
      ],
    });
  });

  it("an impossible sitting date is refused with the date as given", () => {
    expect(planSession("7/11/2025", exam)).toEqual({
      ok: false,
      errors: ['sitting date "7/11/2025" is not a YYYY-MM-DD date'],
    });
  });
});

describe("zonedInstant, either side of the clock changes", () => {
  it("the minutes on each side of the spring gap and at the end of the autumn overlap", () => {
    // 29 March 2026: 01:59 CET exists, 02:00–02:59 do not, 03:00 CEST does
    expect(zonedInstant("2026-03-29", "01:59", "Europe/Paris")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(zonedInstant("2026-03-29", "02:00", "Europe/Paris")).toBeNull();
    expect(zonedInstant("2026-03-29", "02:59", "Europe/Paris")).toBeNull();
    expect(zonedInstant("2026-03-29", "03:00", "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 25 October 2026: 02:00–02:59 happen twice (CEST, then CET); 03:00 once, in CET
    expect(zonedInstant("2026-10-25", "02:00", "Europe/Paris")?.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(zonedInstant("2026-10-25", "03:00", "Europe/Paris")?.toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("another zone's offsets (New York, UTC−5 in January, −4 in July)", () => {
    expect(zonedInstant("2026-01-15", "11:30", "America/New_York")?.toISOString()).toBe("2026-01-15T16:30:00.000Z");
    expect(zonedInstant("2026-07-15", "11:30", "America/New_York")?.toISOString()).toBe("2026-07-15T15:30:00.000Z");
  });
});

describe("zonedInstant with an offset in seconds", () => {
  it("Paris mean time (UTC+00:09:21) in 1900", () => {
    expect(zonedInstant("1900-01-01", "12:00", "Europe/Paris")?.toISOString()).toBe("1900-01-01T11:50:39.000Z");
  });
});
