// Collection names and document paths, defined once (docs/data-model.md describes them).
export const COLLECTIONS = {
  users: "users",
  supervisors: "supervisors",
  examResults: "examResults",
  certifications: "certifications",
  applications: "applications",
  mail: "mail",
  config: "config",
  register: "register",
  undeliverable: "undeliverable",
  examSessions: "examSessions",
  revalidationState: "revalidationState",
  revalidationPending: "revalidationPending",
  graders: "graders",
  gradings: "gradings",
  counters: "counters",
  // --- recertification (issue 13) ---
  recertifications: "recertifications",
  /** The "Run Payments with Stripe" extension's customers collection (its default path). */
  customers: "customers",
  // --- end recertification ---
  // --- requests (functions/src/requests) ---
  requests: "requests",
} as const;

/** The candidate-written sub-collections of an application. */
export const APPLICATION_PARTS = ["cases", "cme", "training", "recognition", "declarations"] as const;
export type ApplicationPart = (typeof APPLICATION_PARTS)[number];

export const paths = {
  /** The policy in force, merged over the defaults (administrators only). */
  policy: `${COLLECTIONS.config}/policy`,
  application: (appId: string) => `${COLLECTIONS.applications}/${appId}`,
  part: (appId: string, part: ApplicationPart) => `${COLLECTIONS.applications}/${appId}/${part}`,
  /** The live report, server-only. */
  report: (appId: string) => `${COLLECTIONS.applications}/${appId}/validation/current`,
  // Revalidation bookkeeping lives outside the application, so that writing it
  // does not fire the application's own triggers.
  /** The revision counter and the counters of work done. */
  revalidationState: (appId: string) => `${COLLECTIONS.revalidationState}/${appId}`,
  /** Exists while a recomputation task is queued and has not started. */
  revalidationPending: (appId: string) => `${COLLECTIONS.revalidationPending}/${appId}`,
  snapshots: (appId: string) => `${COLLECTIONS.applications}/${appId}/snapshots`,
  user: (uid: string) => `${COLLECTIONS.users}/${uid}`,
  /** What the upload check found about one evidence file (server-written). */
  evidence: (uid: string, evidenceId: string) => `${COLLECTIONS.users}/${uid}/evidence/${evidenceId}`,
  supervisor: (id: string) => `${COLLECTIONS.supervisors}/${id}`,
  examResult: (id: string) => `${COLLECTIONS.examResults}/${id}`,
  certification: (id: string) => `${COLLECTIONS.certifications}/${id}`,
  registerEntry: (uid: string) => `${COLLECTIONS.register}/${uid}`,
  /** A grader's profile: institution, country, active, capacity, open load. */
  grader: (uid: string) => `${COLLECTIONS.graders}/${uid}`,
  /** The current grading round of an application (graders, decision); its sub-collections hold the record. */
  grading: (appId: string) => `${COLLECTIONS.gradings}/${appId}`,
  gradingPart: (appId: string, part: "grades" | "questions" | "checks" | "history") =>
    `${COLLECTIONS.gradings}/${appId}/${part}`,
  /** Per-year certificate-number sequences. */
  certificateCounter: (year: number) => `${COLLECTIONS.counters}/certificates-${year}`,
  // --- recertification (issue 13) ---
  /** One recertification application (id recert-{certId}-{attempt}). */
  recertification: (appId: string) => `${COLLECTIONS.recertifications}/${appId}`,
  /** Holder-written CME (`cme`); server-written `validation`, `snapshots`, `reviews`, `questions`, `history`. */
  recertificationPart: (
    appId: string,
    part: "cme" | "validation" | "snapshots" | "reviews" | "questions" | "history",
  ) => `${COLLECTIONS.recertifications}/${appId}/${part}`,
  recertificationReport: (appId: string) => `${COLLECTIONS.recertifications}/${appId}/validation/current`,
  /** The extension's documents: the client's checkout sessions, the payments it records. */
  checkoutSessions: (uid: string) => `${COLLECTIONS.customers}/${uid}/checkout_sessions`,
  payment: (uid: string, paymentId: string) => `${COLLECTIONS.customers}/${uid}/payments/${paymentId}`,
  // --- end recertification ---
};
