// An erasure request: everything about the caller that retention allows goes
// now; what must stay is listed with the reason and until when.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { addDaysIso, addMonthsIso, type IsoDate } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { applicationOnRequest, certificationOnRequest, evidenceOnRequest, type Verdict } from "./domain/retention.js";
import { eraseAccount, eraseApplication, eraseEvidence, isFrozen, writeAudit, type FileStore } from "./erase.js";
import { loadHoldings } from "./holdings.js";
import { applicationFacts } from "./retention-job.js";

export interface ErasureOutcome {
  erased: { path: string; reason: string }[];
  kept: { path: string; reason: string; until: IsoDate | null }[];
}

/** Profile fields that only served the logbook's checks; contact details stay while records do. */
const LOGBOOK_ONLY_PROFILE_FIELDS = ["physicianRegistration", "acls"];

export async function eraseOnRequest(
  db: Firestore,
  files: FileStore,
  uid: string,
  today: IsoDate,
  policy: Policy,
): Promise<ErasureOutcome> {
  const r = policy.retention;
  const holdings = await loadHoldings(db, uid);
  const outcome: ErasureOutcome = { erased: [], kept: [] };
  const decide = async (path: string, verdict: Verdict, erase: () => Promise<unknown>) => {
    if (!verdict.erase) {
      outcome.kept.push({ path, reason: verdict.reason, until: verdict.until });
      return;
    }
    try {
      await erase();
      outcome.erased.push({ path, reason: verdict.reason });
    } catch {
      outcome.kept.push({
        path,
        reason:
          "could not be erased now (a temporary error): ask again, or the daily retention job erases it when its retention ends",
        until: null,
      });
    }
  };
  const gone = (reason: string): Verdict => ({ erase: true, reason });

  for (const app of holdings.applications) {
    const facts = await applicationFacts(db, await db.doc(app.path).get());
    await decide(app.path, applicationOnRequest(facts, r), () => eraseApplication(db, app.id));
  }
  for (const record of holdings.evidence) {
    const frozen = isFrozen(record.data.submittedIn);
    await decide(record.path, evidenceOnRequest({ checkedOn: today, frozen, referenced: false }), () =>
      eraseEvidence(db, files, uid, record.id, record.data.path),
    );
  }
  for (const doc of [...holdings.notifications, ...holdings.undeliverable, ...holdings.mail]) {
    await decide(doc.path, gone("a message already delivered or undeliverable"), () => db.doc(doc.path).delete());
  }
  // Requests (functions/src/requests): a decision is a record of the programme (a moved deadline,
  // an approved supervisor, an appeal) and stays like one; an undecided or withdrawn one goes, with its history.
  for (const doc of holdings.requests.filter((d) => d.path.split("/").length === 2)) {
    const decidedOn = (doc.data.decision as { decidedOn?: unknown } | null)?.decidedOn;
    if (typeof decidedOn === "string") {
      outcome.kept.push({
        path: doc.path,
        reason: "a decision on a request is a record of the programme (deadlines, supervision, appeals)",
        until: addMonthsIso(decidedOn, 12 * r.decisionYears),
      });
      continue;
    }
    await decide(doc.path, gone("an undecided or withdrawn request of the candidate's own"), async () => {
      await db.recursiveDelete(db.doc(doc.path));
    });
  }
  for (const exam of holdings.examResults) {
    const resultDate = typeof exam.data.resultDate === "string" ? exam.data.resultDate : today;
    outcome.kept.push({
      path: exam.path,
      reason: "an exam result is a record of the programme (eligibility, re-sits, the logbook deadline)",
      until: addMonthsIso(resultDate, 12 * r.decisionYears),
    });
  }
  // exam (issue 12): a registration goes unless the session was sat and its
  // results are not released yet (the verification checks every registered
  // candidate has a score or a recorded absence). Answers stay with the result.
  for (const reg of holdings.examRegistrations) {
    const session = (await db.doc(`examSessions/${String(reg.data.sessionId)}`).get()).data();
    const awaitingResults =
      session !== undefined && session.resultsReleased !== true && String(session.sittingDate) <= today;
    if (awaitingResults) {
      outcome.kept.push({
        path: reg.path,
        reason: "the session was sat and its results are being verified against the registrations",
        until: addDaysIso(String(session.sittingDate), 7 * policy.committeeDeadlines.examResultsWeeks),
      });
    } else {
      await decide(reg.path, gone("a registration no longer needed"), () => db.doc(reg.path).delete());
    }
  }
  for (const answers of holdings.examAnswers) {
    outcome.kept.push({
      path: answers.path,
      reason: "the answers a kept exam result was scored from (re-marking, appeals)",
      until: null,
    });
  }
  for (const cert of holdings.certifications) {
    const verdict = certificationOnRequest(
      {
        status: String(cert.data.status),
        expiresOn: String(cert.data.expiresOn),
        lapsedOn: typeof cert.data.lapsedOn === "string" ? cert.data.lapsedOn : null,
      },
      r,
    );
    await decide(cert.path, verdict, async () => undefined);
  }
  // --- recertification (issue 13) ---
  for (const recert of holdings.recertifications) {
    const { status, paid, decision } = recert.data as {
      status?: string;
      paid?: unknown;
      decision?: { decidedOn?: string };
    };
    if (decision?.decidedOn) {
      outcome.kept.push({
        path: recert.path,
        reason: "a recertification decision is a record of the programme",
        until: addMonthsIso(decision.decidedOn, 12 * r.decisionYears),
      });
    } else if (paid || status === "submitted") {
      outcome.kept.push({
        path: recert.path,
        reason: "a paid or submitted recertification application: withdraw it first, or wait for the decision",
        until: null,
      });
    } else {
      await decide(recert.path, gone("a recertification application never paid nor decided"), () =>
        db.recursiveDelete(db.doc(recert.path)),
      );
    }
  }
  for (const s of holdings.checkoutSessions) {
    await decide(s.path, gone("a checkout request; the payment, if any, is kept"), () => db.doc(s.path).delete());
  }
  for (const p of holdings.payments) {
    outcome.kept.push({ path: p.path, reason: "a payment is an accounting record", until: null });
  }
  // --- end recertification ---
  for (const entry of holdings.registerEntries) {
    outcome.kept.push({ path: entry.path, reason: "the public register lists current certifications", until: null });
  }
  if (holdings.supervisor) {
    outcome.kept.push({
      path: holdings.supervisor.path,
      reason: "other candidates' logbooks rest on this supervisor's attestations",
      until: null,
    });
  }

  if (holdings.profile) {
    const profilePath = holdings.profile.path;
    if (outcome.kept.length === 0) {
      await decide(profilePath, gone("nothing kept needs it"), () => db.recursiveDelete(db.doc(profilePath)));
      // With nothing left to sign in for, the account goes too (kept records keep it: the holder still needs them).
      await decide(`auth/${uid}`, gone("the sign-in account of a person of whom nothing is kept"), () =>
        eraseAccount(uid),
      );
    } else {
      const fields = LOGBOOK_ONLY_PROFILE_FIELDS.filter((f) => f in holdings.profile!.data);
      await decide(
        `${profilePath}#${fields.join(",") || "logbook fields"}`,
        gone("only the logbook's checks used them"),
        () =>
          fields.length
            ? db.doc(profilePath).update(Object.fromEntries(fields.map((f) => [f, FieldValue.delete()])))
            : Promise.resolve(),
      );
      outcome.kept.push({
        path: profilePath,
        reason: "name and contact details of the person the kept records are about",
        until: null,
      });
    }
  }

  await writeAudit(db, `erasure-${uid}-${Date.now()}`, { kind: "erasure-request", uid, day: today, ...outcome }, r);
  return outcome;
}
