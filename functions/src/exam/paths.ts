// Where the exam feature keeps its documents (docs/exam.md, docs/data-model.md).
// examSessions: public while upcoming. examRegistrations: the candidate and
// the certification team. examProcessing and everything under it: server-only
// (no rule allows a client to read it: answers, keys, ratings, runs).
export const EXAM_COLLECTIONS = {
  sessions: "examSessions",
  registrations: "examRegistrations",
  processing: "examProcessing",
} as const;

export const examPaths = {
  session: (sessionId: string) => `${EXAM_COLLECTIONS.sessions}/${sessionId}`,
  /** One registration per candidate and session: the id is the pair. */
  registration: (sessionId: string, uid: string) => `${EXAM_COLLECTIONS.registrations}/${sessionId}_${uid}`,
  /** The state of the results processing of a session (server-only). */
  processing: (sessionId: string) => `${EXAM_COLLECTIONS.processing}/${sessionId}`,
  /** The imported files: answer-key, responses, flagged, angoff (server-only). */
  importDoc: (sessionId: string, kind: string) => `${EXAM_COLLECTIONS.processing}/${sessionId}/imports/${kind}`,
  /** Scoring runs, numbered from 1, never replaced (server-only). */
  run: (sessionId: string, number: number) => `${EXAM_COLLECTIONS.processing}/${sessionId}/runs/${number}`,
  /** A candidate's released result: the id the logbook and the appeals use. */
  resultId: (sessionId: string, uid: string) => `${sessionId}_${uid}`,
  /** The certificate of completion of the written exam, in Storage. */
  completionCertificate: (uid: string, resultId: string) => `examCertificates/${uid}/${resultId}.pdf`,
};
