// How references and CME events are compared when looking for duplicates:
// the keys of patient references (any script, any separators) and when two
// CME entries describe the same event.
import { describe, expect, it } from "vitest";
import { groupEvents, identityOf, sameEvent } from "../../../functions/src/logbook/domain/cme-identity.js";
import { normaliseCaseKey, patientKey } from "../../../functions/src/logbook/domain/patient-key.js";

describe("patientKey", () => {
  it("keeps only letters and digits, lower-cased, in ASCII", () => {
    expect(patientKey("PT-0148")).toBe("pt0148");
    expect(patientKey("pt 0148")).toBe("pt0148");
  });

  it("keeps letters and digits of any script, and folds full-width forms to their plain ones", () => {
    expect(patientKey("ＰＴ－０１４８")).toBe("pt0148");
    expect(patientKey("Émile Müller-１２")).toBe("émilemüller12");
    expect(patientKey("Ünal 7")).toBe("ünal7");
  });
});

describe("normaliseCaseKey", () => {
  it("normalises the reference before the last bar and keeps the date after it", () => {
    expect(normaliseCaseKey("PT-0148|2025-01-01")).toBe("pt0148|2025-01-01");
    expect(normaliseCaseKey("PT|0148|2025-01-01")).toBe("pt0148|2025-01-01");
  });

  it("a key without a bar is all reference; a key starting with a bar has an empty reference", () => {
    expect(normaliseCaseKey("PT-0148")).toBe("pt0148");
    expect(normaliseCaseKey("|2025-01-01")).toBe("|2025-01-01");
  });
});

describe("sameEvent", () => {
  const event = (title: string, startDate: string, endDate = startDate, certificateId: string | null = null) =>
    identityOf({ title, startDate, endDate, certificateId, catalogueId: null });

  it("two entries without a certificate are not one event for that reason alone", () => {
    expect(sameEvent(event("Course A", "2025-01-01"), event("Course B", "2025-01-01"))).toBe(false);
    expect(
      sameEvent(
        event("Course A", "2025-01-01", "2025-01-01", "c1"),
        event("Course B", "2025-06-01", "2025-06-01", "c1"),
      ),
    ).toBe(true);
  });

  it("the same title on touching days is one event, in either order; a day apart it is not", () => {
    const day1 = event("Euro-CMR 2025", "2025-02-01");
    const day2 = event("eurocmr 2025", "2025-02-02");
    const day3 = event("EuroCMR 2025", "2025-02-03");
    expect(sameEvent(day1, day2)).toBe(true);
    expect(sameEvent(day2, day1)).toBe(true);
    expect(sameEvent(day1, day3)).toBe(false);
    expect(sameEvent(day3, day1)).toBe(false);
  });

  it("titles with no letter or digit identify nothing", () => {
    expect(sameEvent(event("---", "2025-02-01"), event("...", "2025-02-01"))).toBe(false);
  });
});

describe("groupEvents", () => {
  it("groups transitively and keeps the order of first appearance", () => {
    const same = (a: number, b: number) => Math.abs(a - b) === 1;
    expect(groupEvents([1, 5, 2, 3, 9], same)).toEqual([[1, 2, 3], [5], [9]]);
  });
});
