// Results processing for the exam board and the certification team: thin
// entry points over ../processing.ts. The board (committee, chair) and admins
// import, decide, re-score, set the pass mark and verify; only admins
// prepare, approve (a different admin) and set the release date.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, CALLABLE_OPTIONS, documentId, parseInput, type Role } from "../../platform/guards.js";
import { itemDecisionSchema } from "../domain/scoring.js";
import * as processing from "../processing.js";

const EXAM_BOARD: readonly Role[] = ["admin", "committee", "chair"];
const session = z.object({ sessionId: documentId("sessionId") });
/** A CSV up to 8 MB of text (a 1,000 × 100 platform export is about 2 MB). */
const MAX_CSV = 8_000_000;

export const importExamFile = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, EXAM_BOARD);
  const input = parseInput(
    session.extend({ kind: z.enum(processing.IMPORT_KINDS), csv: z.string().max(MAX_CSV) }),
    request.data,
  );
  return processing.importFile(firestore(), input.sessionId, input.kind, input.csv, uid);
});

export const recordExamAbsences = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, EXAM_BOARD);
  const input = parseInput(session.extend({ absent: z.array(z.string().min(1).max(128)).max(5000) }), request.data);
  return processing.recordAbsences(firestore(), input.sessionId, input.absent, uid);
});

export const recordExamItemDecisions = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, EXAM_BOARD);
  const input = parseInput(session.extend({ decisions: z.array(itemDecisionSchema).max(1000) }), request.data);
  return processing.recordDecisions(firestore(), input.sessionId, input.decisions, uid);
});

export const rescoreExam = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, EXAM_BOARD);
  return processing.rescore(firestore(), parseInput(session, request.data).sessionId, uid);
});

export const setExamPassMark = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, EXAM_BOARD);
  const input = parseInput(session.extend({ setting: processing.passMarkSettingSchema.nullable() }), request.data);
  return processing.setPassMarkMethod(firestore(), input.sessionId, input.setting, uid);
});

export const verifyExamResults = onCall(CALLABLE_OPTIONS, async (request) => {
  assertRole(request, EXAM_BOARD);
  return processing.verify(firestore(), parseInput(session, request.data).sessionId);
});

export const getExamReport = onCall(CALLABLE_OPTIONS, async (request) => {
  assertRole(request, EXAM_BOARD);
  return processing.report(firestore(), parseInput(session, request.data).sessionId);
});

export const prepareExamResults = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["admin"]);
  return processing.prepare(firestore(), parseInput(session, request.data).sessionId, uid);
});

export const approveExamResults = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["admin"]);
  return processing.approve(firestore(), parseInput(session, request.data).sessionId, uid);
});

export const setExamReleaseDate = onCall(CALLABLE_OPTIONS, async (request) => {
  assertRole(request, ["admin"]);
  const input = parseInput(session.extend({ releaseDate: z.string() }), request.data);
  return processing.setReleaseDate(firestore(), input.sessionId, input.releaseDate, new Date());
});
