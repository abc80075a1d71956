// Results processing on Firestore: the imported files, the board's item
// decisions, the pass-mark method, the scoring runs (numbered, never
// replaced), the automated checks, the two-person rule and the release date.
// Everything lives under examProcessing/{sessionId}, which no rule lets a
// client read; the pure steps are in domain/ (docs/exam.md).
import { FieldValue, type DocumentReference, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { z } from "zod";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import type { Policy } from "../platform/domain/policy.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import type { LineError } from "./domain/csv.js";
import {
  importAngoffRatings,
  importAnswerKey,
  importFlaggedItems,
  importResponses,
  type AngoffRatings,
  type AnswerKey,
  type FlaggedItem,
  type ImportResult,
  type ResponseMatrix,
} from "./domain/import.js";
import { compareRuns, processRun, type ScoringRun } from "./domain/runs.js";
import type { ItemDecision } from "./domain/scoring.js";
import { releaseProblems, verifyResults, type Verification } from "./domain/verification.js";
import { examPaths, EXAM_COLLECTIONS } from "./paths.js";
import { readSession, type SessionDoc } from "./sessions.js";

export const IMPORT_KINDS = ["answer-key", "responses", "flagged", "angoff"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const passMarkSettingSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("modified-angoff") }),
  z.object({ method: z.literal("fixed-percentage"), percent: z.number().gt(0).max(100) }),
]);
export type PassMarkSetting = z.infer<typeof passMarkSettingSchema>;

const stateSchema = z.object({
  absent: z.array(z.string()).default([]),
  decisions: z.array(z.unknown()).default([]),
  passMarkSetting: passMarkSettingSchema.nullable().default(null),
  runCount: z.number().int().min(0).default(0),
  preparedBy: z.string().nullable().default(null),
  preparedRun: z.number().nullable().default(null),
  approvedBy: z.string().nullable().default(null),
  approvedRun: z.number().nullable().default(null),
  releaseDate: z.string().nullable().default(null),
  released: z.boolean().default(false),
});
export type ProcessingState = z.infer<typeof stateSchema>;

interface Imports {
  answerKey: AnswerKey | null;
  responses: ResponseMatrix | null;
  flagged: FlaggedItem[];
  ratings: AngoffRatings | undefined;
}

/** What a run document holds: the run itself as JSON (it has nested arrays, which Firestore does not store). */
export interface StoredRun {
  run: ScoringRun;
  createdBy: string;
  reason: string;
}

/** A refused file: the line-numbered errors in the message (the first 20) and all of them in the details. */
function refuseFile(kind: ImportKind, errors: LineError[]): never {
  const shown = errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : "";
  throw new HttpsError("invalid-argument", `The ${kind} file was refused: ${shown.join("; ")}${more}`, {
    errors,
  });
}

class Processing {
  constructor(
    readonly db: Firestore,
    readonly tx: Transaction,
    readonly sessionId: string,
  ) {}
  get stateRef(): DocumentReference {
    return this.db.doc(examPaths.processing(this.sessionId));
  }
  importRef(kind: ImportKind) {
    return this.db.doc(examPaths.importDoc(this.sessionId, kind));
  }
  async session(): Promise<SessionDoc> {
    return readSession((p) => this.tx.get(this.db.doc(p)), this.sessionId);
  }
  async state(): Promise<ProcessingState> {
    const snap = await this.tx.get(this.stateRef);
    return stateSchema.parse(snap.data() ?? {});
  }
  async imports(): Promise<Imports> {
    const snaps = await this.tx.getAll(...IMPORT_KINDS.map((k) => this.importRef(k)));
    const value = (i: number) => (snaps[i].exists ? JSON.parse(snaps[i].get("json") as string) : null);
    return {
      answerKey: value(0),
      responses: value(1),
      flagged: value(2) ?? [],
      ratings: value(3) ?? undefined,
    };
  }
  async run(number: number): Promise<StoredRun | null> {
    const snap = await this.tx.get(this.db.doc(examPaths.run(this.sessionId, number)));
    return snap.exists
      ? { run: JSON.parse(snap.get("json")), createdBy: snap.get("createdBy"), reason: snap.get("reason") }
      : null;
  }
  async registered(): Promise<string[]> {
    const snap = await this.tx.get(
      this.db
        .collection(EXAM_COLLECTIONS.registrations)
        .where("sessionId", "==", this.sessionId)
        .where("status", "==", "registered"),
    );
    return snap.docs.map((d) => d.get("uid") as string);
  }
  /** Anything that changes the results withdraws the preparation and approval (and the release date). */
  assertNotReleased(state: ProcessingState) {
    if (state.released) {
      throw new HttpsError("failed-precondition", `The results of ${this.sessionId} are released: they cannot change.`);
    }
  }
  resetApproval(update: Record<string, unknown>) {
    this.tx.set(
      this.stateRef,
      {
        ...update,
        sessionId: this.sessionId,
        preparedBy: null,
        preparedRun: null,
        approvedBy: null,
        approvedRun: null,
        releaseDate: null,
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    this.tx.update(this.db.doc(examPaths.session(this.sessionId)), { releaseDate: null, nextActionOn: null });
  }
}

function withProcessing<T>(db: Firestore, sessionId: string, work: (p: Processing) => Promise<T>): Promise<T> {
  return db.runTransaction((tx) => work(new Processing(db, tx, sessionId)));
}

export async function importFile(
  db: Firestore,
  sessionId: string,
  kind: ImportKind,
  csv: string,
  uid: string,
): Promise<{ kind: ImportKind; rows: number; cleared: ImportKind[] }> {
  return withProcessing(db, sessionId, async (p) => {
    const policy = await loadPolicy(db, transactionReader(p.tx));
    await p.session();
    const state = await p.state();
    const imports = await p.imports();
    p.assertNotReleased(state);
    let parsed: ImportResult<unknown>;
    let rows: number;
    if (kind === "answer-key") {
      const r = importAnswerKey(csv, policy.exam);
      parsed = r;
      rows = r.ok ? r.value.items.length : 0;
    } else {
      if (!imports.answerKey) {
        throw new HttpsError("failed-precondition", `Import the answer key of ${sessionId} before the ${kind} file.`);
      }
      const key = imports.answerKey;
      const r =
        kind === "responses"
          ? importResponses(csv, key, policy.exam)
          : kind === "flagged"
            ? importFlaggedItems(csv, key)
            : importAngoffRatings(csv, key);
      parsed = r;
      rows = !r.ok
        ? 0
        : kind === "responses"
          ? (r.value as ResponseMatrix).candidates.length
          : kind === "flagged"
            ? (r.value as FlaggedItem[]).length
            : (r.value as AngoffRatings).judges.length;
    }
    if (!parsed.ok) refuseFile(kind, parsed.errors);
    // A new answer key makes the files read against the old one meaningless.
    const cleared: ImportKind[] = [];
    if (kind === "answer-key") {
      const dependent: [ImportKind, unknown][] = [
        ["responses", imports.responses],
        ["flagged", imports.flagged.length ? imports.flagged : null],
        ["angoff", imports.ratings ?? null],
      ];
      for (const [k, v] of dependent) {
        if (v !== null) {
          p.tx.delete(p.importRef(k));
          cleared.push(k);
        }
      }
    }
    p.tx.set(p.importRef(kind), {
      kind,
      rows,
      json: JSON.stringify(parsed.value),
      importedBy: uid,
      importedAt: FieldValue.serverTimestamp(),
    });
    p.resetApproval({
      imports: {
        [kind]: { rows, importedBy: uid },
        ...Object.fromEntries(cleared.map((k) => [k, FieldValue.delete()])),
      },
    });
    return { kind, rows, cleared };
  });
}

/** Appends a run with the decisions and pass-mark method in force; returns it with what changed since the previous one. */
async function appendRun(p: Processing, state: ProcessingState, policy: Policy, uid: string, reason: string) {
  const imports = await p.imports();
  const previous = state.runCount > 0 ? await p.run(state.runCount) : null;
  if (!imports.answerKey || !imports.responses) {
    throw new HttpsError("failed-precondition", "Import the answer key and the platform's export before scoring.");
  }
  const exam = { ...policy.exam, passMark: state.passMarkSetting ?? policy.exam.passMark };
  const result = processRun([], {
    answerKey: imports.answerKey,
    responses: imports.responses,
    flagged: imports.flagged,
    ratings: imports.ratings,
    decisions: state.decisions,
    exam,
  });
  if (!result.ok) {
    throw new HttpsError("failed-precondition", `The results cannot be scored: ${result.errors.join("; ")}`, {
      errors: result.errors,
    });
  }
  const run: ScoringRun = { ...result.run, number: state.runCount + 1 };
  const changes = previous ? compareRuns(previous.run, run) : null;
  p.tx.create(p.db.doc(examPaths.run(p.sessionId, run.number)), {
    number: run.number,
    reason,
    createdBy: uid,
    createdAt: FieldValue.serverTimestamp(),
    summary: run.summary,
    passMark: run.passMark,
    retainedItems: run.retained.length,
    removed: run.removed,
    corrections: run.corrections,
    reliability: { kr20: run.analysis.test.kr20, sem: run.analysis.test.sem },
    changes,
    json: JSON.stringify(run),
  });
  return { run, changes };
}

function runSummary(run: ScoringRun, changes: ReturnType<typeof compareRuns> | null) {
  return {
    runNumber: run.number,
    summary: run.summary,
    passMark: run.passMark,
    retainedItems: run.retained.length,
    removed: run.removed,
    corrections: run.corrections,
    changes,
  };
}

/** Records the board's decisions on items (replacing the previous list) and re-scores. */
export async function recordDecisions(db: Firestore, sessionId: string, decisions: ItemDecision[], uid: string) {
  return withProcessing(db, sessionId, async (p) => {
    const policy = await loadPolicy(db, transactionReader(p.tx));
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    const next = { ...state, decisions, runCount: state.runCount };
    const { run, changes } = await appendRun(p, next, policy, uid, "item decisions");
    p.resetApproval({ decisions, runCount: run.number, latestRun: run.number });
    return runSummary(run, changes);
  });
}

/** Sets the standard-setting method (policy default when null) and re-scores. */
export async function setPassMarkMethod(
  db: Firestore,
  sessionId: string,
  setting: PassMarkSetting | null,
  uid: string,
) {
  return withProcessing(db, sessionId, async (p) => {
    const policy = await loadPolicy(db, transactionReader(p.tx));
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    const { run, changes } = await appendRun(p, { ...state, passMarkSetting: setting }, policy, uid, "pass mark");
    p.resetApproval({ passMarkSetting: setting, runCount: run.number, latestRun: run.number });
    return runSummary(run, changes);
  });
}

/** Scores again with what is in force (e.g. after a new import). */
export async function rescore(db: Firestore, sessionId: string, uid: string) {
  return withProcessing(db, sessionId, async (p) => {
    const policy = await loadPolicy(db, transactionReader(p.tx));
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    const { run, changes } = await appendRun(p, state, policy, uid, "re-score");
    p.resetApproval({ runCount: run.number, latestRun: run.number });
    return runSummary(run, changes);
  });
}

/** Registered candidates who did not sit (they get no result). */
export async function recordAbsences(db: Firestore, sessionId: string, absent: string[], uid: string) {
  return withProcessing(db, sessionId, async (p) => {
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    p.resetApproval({ absent, absencesRecordedBy: uid });
    return { absent: absent.length };
  });
}

async function verifyLatest(
  p: Processing,
  state: ProcessingState,
): Promise<{ verification: Verification; run: ScoringRun }> {
  if (state.runCount === 0) throw new HttpsError("failed-precondition", "No scoring run yet: score the results first.");
  const stored = await p.run(state.runCount);
  const imports = await p.imports();
  const registered = await p.registered();
  if (!stored || !imports.responses)
    throw new HttpsError("failed-precondition", "The latest run or the import is missing.");
  const verification = verifyResults({
    registered,
    absent: state.absent,
    responses: imports.responses,
    scores: stored.run.outcomes,
    retainedItems: stored.run.retained.length,
  });
  return { verification, run: stored.run };
}

/** The automated checks on the latest run, stored with it. */
export async function verify(db: Firestore, sessionId: string) {
  return withProcessing(db, sessionId, async (p) => {
    await p.session();
    const state = await p.state();
    const { verification, run } = await verifyLatest(p, state);
    p.tx.set(p.stateRef, { verification: { ...verification, runNumber: run.number } }, { merge: true });
    return { runNumber: run.number, ...verification };
  });
}

/** Admin A: the checks must pass; records who prepared which run. */
export async function prepare(db: Firestore, sessionId: string, uid: string) {
  return withProcessing(db, sessionId, async (p) => {
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    const { verification, run } = await verifyLatest(p, state);
    if (!verification.passed) {
      const failed = verification.checks.filter((c) => !c.passed);
      throw new HttpsError(
        "failed-precondition",
        `The checks failed: ${failed.map((c) => `${c.code} (${c.detail})`).join("; ")}`,
        { checks: verification.checks },
      );
    }
    p.tx.set(
      p.stateRef,
      {
        preparedBy: uid,
        preparedRun: run.number,
        approvedBy: null,
        approvedRun: null,
        releaseDate: null,
        verification: { ...verification, runNumber: run.number },
        preparedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
    return { runNumber: run.number };
  });
}

/** Admin B (not A): approves the prepared run, which must still be the latest. */
export async function approve(db: Firestore, sessionId: string, uid: string) {
  return withProcessing(db, sessionId, async (p) => {
    await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    if (!state.preparedBy || state.preparedRun === null) {
      throw new HttpsError("failed-precondition", "The results have not been prepared: an admin prepares them first.");
    }
    if (state.preparedRun !== state.runCount) {
      throw new HttpsError("failed-precondition", "The results changed since they were prepared: prepare them again.");
    }
    if (state.preparedBy === uid) {
      throw new HttpsError(
        "permission-denied",
        "The admin who prepared the results cannot approve them: another admin must approve.",
      );
    }
    p.tx.set(
      p.stateRef,
      { approvedBy: uid, approvedRun: state.preparedRun, approvedAt: FieldValue.serverTimestamp() },
      { merge: true },
    );
    return { runNumber: state.preparedRun };
  });
}

/** Only after the checks and the two-person rule; no later than the policy's weeks after the sitting. */
export async function setReleaseDate(db: Firestore, sessionId: string, releaseDate: string, now: Date) {
  return withProcessing(db, sessionId, async (p) => {
    const policy = await loadPolicy(db, transactionReader(p.tx));
    const session = await p.session();
    const state = await p.state();
    p.assertNotReleased(state);
    const { verification, run } = await verifyLatest(p, state);
    const approvedLatest = state.approvedRun === run.number && state.preparedRun === run.number;
    const problems = releaseProblems({
      verification,
      preparedBy: state.preparedRun === run.number ? state.preparedBy : null,
      approvedBy: approvedLatest ? state.approvedBy : null,
      sittingDate: session.sittingDate,
      releaseDate,
      today: calendarDateIn(PROGRAMME_TIME_ZONE, now),
      policy,
    });
    if (problems.length) {
      throw new HttpsError(
        "failed-precondition",
        `The release date cannot be set: ${problems.map((x) => x.message).join("; ")}`,
        {
          problems,
        },
      );
    }
    p.tx.set(p.stateRef, { releaseDate, releaseRun: run.number }, { merge: true });
    // The daily release job picks the session up on that day (or the first run after it).
    p.tx.update(p.db.doc(examPaths.session(sessionId)), { releaseDate, nextActionOn: releaseDate });
    return { releaseDate, runNumber: run.number };
  });
}

/** The board's view: the state, every run's summary and the latest run in full. */
export async function report(db: Firestore, sessionId: string) {
  return withProcessing(db, sessionId, async (p) => {
    const session = await p.session();
    const snap = await p.tx.get(p.stateRef);
    const state = stateSchema.parse(snap.data() ?? {});
    const runs = await p.tx.get(p.db.collection(`${examPaths.processing(sessionId)}/runs`).orderBy("number"));
    const latest = state.runCount ? await p.run(state.runCount) : null;
    return {
      session,
      state: { ...state, imports: snap.get("imports") ?? {}, verification: snap.get("verification") ?? null },
      runs: runs.docs.map((d) => ({
        number: d.get("number"),
        reason: d.get("reason"),
        createdBy: d.get("createdBy"),
        summary: d.get("summary"),
        passMark: d.get("passMark"),
        retainedItems: d.get("retainedItems"),
        changes: d.get("changes"),
      })),
      latestRun: latest?.run ?? null,
    };
  });
}

/** For the release job: the approved run of a session whose release date has come. */
export async function approvedRun(db: Firestore, tx: Transaction, sessionId: string) {
  const p = new Processing(db, tx, sessionId);
  const state = await p.state();
  if (state.approvedRun === null || state.approvedRun !== state.preparedRun || state.approvedRun !== state.runCount) {
    return null;
  }
  const stored = await p.run(state.approvedRun);
  return stored && { run: stored.run, state };
}

export function markReleased(db: Firestore, tx: Transaction, sessionId: string, today: string) {
  tx.set(db.doc(examPaths.processing(sessionId)), { released: true, releasedOn: today }, { merge: true });
  tx.update(db.doc(examPaths.session(sessionId)), { resultsReleased: true, releasedOn: today, nextActionOn: null });
}
