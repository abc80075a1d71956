// Retention decisions: what may be erased, when, and why the rest is kept
// (docs/privacy.md). Pure: facts and today in, a verdict out.
import { addDaysIso, addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";

export type Retention = Policy["retention"];

/** Erase now, or keep (until a date, or for as long as the reason holds when `until` is null). */
export type Verdict = { erase: true; reason: string } | { erase: false; reason: string; until: IsoDate | null };

export interface ApplicationFacts {
  status: string;
  /** Paris date of the withdrawal (status `withdrawn`). */
  withdrawnOn: IsoDate | null;
  /** The day the logbook deadline closed the draft (status `expired`). */
  expiredOn: IsoDate | null;
  /** The day the committee decided it (status `passed` or `failed`). */
  decidedOn: IsoDate | null;
  /** Paris date of the latest write to the application or its logbook. */
  lastActivityOn: IsoDate;
}

const erase = (reason: string): Verdict => ({ erase: true, reason });
const keep = (reason: string, until: IsoDate | null): Verdict => ({ erase: false, reason, until });
/** Kept until `until`, erased from that day on. */
const until = (today: IsoDate, day: IsoDate, reason: string): Verdict =>
  today >= day ? erase(`${reason}: retention ended on ${day}`) : keep(reason, day);

const DECIDED = ["passed", "failed"];
const UNDER_REVIEW = ["submitted", "returned"];

/** The daily job: has this application passed its retention? */
export function applicationRetention(app: ApplicationFacts, today: IsoDate, r: Retention): Verdict {
  switch (app.status) {
    case "withdrawn":
      return until(
        today,
        addMonthsIso(app.withdrawnOn ?? app.lastActivityOn, r.withdrawnApplicationMonths),
        "withdrawn application",
      );
    case "expired":
      return until(
        today,
        addMonthsIso(app.expiredOn ?? app.lastActivityOn, r.closedDraftMonths),
        "draft closed by the logbook deadline",
      );
    case "draft":
      return until(today, addMonthsIso(app.lastActivityOn, r.inactiveDraftMonths), "draft without activity");
    case "passed":
    case "failed":
      return until(today, decisionKeptUntil(app, r), "the logbook a certification decision rests on");
    default:
      return onlyKept(app, r);
  }
}

/** An erasure request: what may go now. */
export function applicationOnRequest(app: ApplicationFacts, r: Retention): Verdict {
  if (app.status === "draft") return erase("never submitted for a decision");
  if (app.status === "withdrawn") return erase("withdrawn: no decision rests on it");
  if (app.status === "expired") return erase("closed by the logbook deadline: no decision rests on it");
  return onlyKept(app, r);
}

/** Counted from the decision; an application decided before `decidedOn` was recorded, from its latest write. */
const decisionKeptUntil = (app: ApplicationFacts, r: Retention) =>
  addMonthsIso(app.decidedOn ?? app.lastActivityOn, 12 * r.decisionYears);

function onlyKept(app: ApplicationFacts, r: Retention): Verdict {
  if (UNDER_REVIEW.includes(app.status)) {
    return keep("under review by the committee: erasable once withdrawn or decided", null);
  }
  if (DECIDED.includes(app.status)) {
    return keep("the logbook a certification decision rests on (appeals, verification)", decisionKeptUntil(app, r));
  }
  return keep(`status "${app.status}" is not covered by the retention rules: kept for review`, null);
}

export interface EvidenceFacts {
  /** Paris date of the upload check. */
  checkedOn: IsoDate;
  /** Frozen by a submission (`submittedIn`). */
  frozen: boolean;
  /** Named by the owner's profile or one of their applications' documents. */
  referenced: boolean;
}

/** The daily job: evidence no longer referenced goes after a grace period (time to re-attach it). */
export function evidenceRetention(ev: EvidenceFacts, today: IsoDate, r: Retention): Verdict {
  if (ev.frozen) return keep("part of a submitted application: kept with it", null);
  if (ev.referenced) return keep("referenced by the logbook or the profile", null);
  return until(today, addDaysIso(ev.checkedOn, r.unreferencedEvidenceDays), "evidence no longer referenced");
}

/** An erasure request: evidence goes unless a submission rests on it. */
export function evidenceOnRequest(ev: EvidenceFacts): Verdict {
  return ev.frozen ? keep("part of a submitted application: kept with it", null) : erase("not part of a submission");
}

export interface CertificationFacts {
  status: string;
  expiresOn: IsoDate;
  lapsedOn: IsoDate | null;
}

/** Certifications are records of the programme: never erased on request. */
export function certificationOnRequest(cert: CertificationFacts, r: Retention): Verdict {
  const end = cert.lapsedOn ?? cert.expiresOn;
  return keep(
    "a certification is a record of the programme (register, verification, recertification)",
    addMonthsIso(end, 12 * r.certificationYearsAfterEnd),
  );
}
