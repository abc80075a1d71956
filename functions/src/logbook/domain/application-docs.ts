// From the Firestore documents of one application to the engine's bundle, and
// to the live report. Pure: documents in, report out. Each document is checked
// on its own; a malformed one becomes a DOCUMENT_INVALID finding naming its
// path, and the rest of the application is still judged.
import { z } from "zod";
import { BundleInvalidError, describeIssue } from "./bundle.js";
import { validateApplication } from "./engine.js";
import { deepMerge, policySchema, type Policy } from "../../platform/domain/policy.js";
import { error, sortFindings, warning, type Finding, type Report } from "./report.js";
import {
  candidateSchema,
  cmeEventSchema,
  examSchema,
  isoDate,
  peerRecognitionSchema,
  routeSchema,
  supervisorSchema,
  type Bundle,
  type RemoteSupervisionGrant,
  type Route,
} from "./schema.js";

export interface Doc {
  path: string;
  id: string;
  data: unknown;
}

/** Everything the engine needs about one application, as read from Firestore. */
export interface ApplicationDocs {
  application: Doc;
  profile: Doc | null;
  exam: Doc | null;
  level2: Doc | null;
  supervisors: Doc[];
  cases: Doc[];
  cme: Doc[];
  training: Doc[];
  recognition: Doc[];
  declarations: Doc[];
  /**
   * The candidate's granted requests (functions/src/requests): remote
   * supervision approvals and special-circumstances policy overrides.
   */
  requests?: Doc[];
}

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "withdrawn",
  "expired",
  "passed",
  "failed",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Statuses in which the candidate edits the logbook and the live report follows. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["draft", "returned"];

export const applicationSchema = z.object({
  ownerUid: z.string().min(1),
  route: routeSchema,
  status: z.enum(APPLICATION_STATUSES),
  supervisorIds: z.array(z.string().min(1)).max(20).default([]),
  examResultId: z.string().min(1).nullish(),
  level2CertificationId: z.string().min(1).nullish(),
  extensionGrantedUntil: isoDate.nullish(),
  submissionCount: z.number().int().min(0).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

const profileSchema = candidateSchema.pick({ physicianRegistration: true, acls: true, institution: true }).partial();

// --- requests (functions/src/requests): what the engine takes from granted requests ---
const grantedRequestSchema = z.looseObject({
  kind: z.string(),
  status: z.literal("granted"),
  candidateUid: z.string(),
  applicationId: z.string().nullish(),
  content: z.looseObject({
    remoteSupervisorUid: z.string().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  }),
  decision: z.looseObject({ policyOverride: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});
type GrantedRequest = z.infer<typeof grantedRequestSchema> & { id: string };

function grantedRequests(docs: ApplicationDocs, owner: string): GrantedRequest[] {
  return (docs.requests ?? []).flatMap((doc) => {
    const parsed = grantedRequestSchema.safeParse(doc.data);
    return parsed.success && parsed.data.candidateUid === owner ? [{ ...parsed.data, id: doc.id }] : [];
  });
}

/** The remote-supervision approvals of the candidate. */
function remoteSupervisionGrants(requests: GrantedRequest[]): RemoteSupervisionGrant[] {
  return requests.flatMap((r) =>
    r.kind === "remote-supervision" && r.content.remoteSupervisorUid && r.content.from && r.content.to
      ? [{ requestId: r.id, supervisorId: r.content.remoteSupervisorUid, from: r.content.from, to: r.content.to }]
      : [],
  );
}

/** `a.b.c = value` for each leaf of an override. */
function describeOverride(value: unknown, prefix = ""): string[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => describeOverride(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix} = ${JSON.stringify(value)}`];
}

/**
 * The policy for this one application: the policy in force with the
 * overrides of granted special-circumstances requests about it merged over
 * it, each shown in the report with the decision's id. Nothing else
 * overrides policy for one candidate.
 */
export function policyForApplication(
  policy: Policy,
  requests: GrantedRequest[],
  appId: string,
): { policy: Policy; findings: Finding[] } {
  const findings: Finding[] = [];
  let inForce = policy;
  const overriding = requests
    .filter((r) => r.kind === "special-circumstances" && r.applicationId === appId && r.decision?.policyOverride)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const r of overriding) {
    const documentPath = `requests/${r.id}`;
    const merged = policySchema.safeParse(deepMerge(inForce, r.decision!.policyOverride));
    if (!merged.success) {
      findings.push(
        error(
          "POLICY_OVERRIDE_INVALID",
          `The policy override of special-circumstances decision ${r.id} is not valid and is not applied: ${merged.error.issues.map(describeIssue).join("; ")}`,
          { documentPath },
        ),
      );
      continue;
    }
    inForce = merged.data;
    findings.push(
      warning(
        "POLICY_OVERRIDE",
        `Policy overridden for this application by special-circumstances decision ${r.id}: ${describeOverride(r.decision!.policyOverride).join("; ")}`,
        { documentPath },
      ),
    );
  }
  return { policy: inForce, findings };
}
// --- end requests ---
// The exam result carries the extension an extension request grants (functions/src/requests).
const examResultSchema = examSchema.extend({ uid: z.string().min(1), extensionGrantedUntil: isoDate.nullish() });
const level2Schema = z.object({
  uid: z.string().min(1),
  level: z.literal(2),
  awardedOn: isoDate,
  expiresOn: isoDate,
  caseKeys: z.array(z.string()).default([]),
  cmeIds: z.array(z.string()).default([]),
  cmeEvents: z.array(cmeEventSchema).default([]),
});
const declarationSchema = z.object({ signedOn: isoDate });

export type LiveReport = Omit<Report, "route" | "summary" | "categories"> & {
  route: Route | null;
  summary: Report["summary"] | null;
  categories: Report["categories"] | null;
};

function parseDoc<T extends z.ZodType>(schema: T, doc: Doc, findings: Finding[]): z.infer<T> | null {
  const parsed = schema.safeParse(doc.data);
  if (parsed.success) return parsed.data;
  findings.push(
    error("DOCUMENT_INVALID", `${doc.path} is not valid: ${parsed.error.issues.map(describeIssue).join("; ")}`, {
      documentPath: doc.path,
    }),
  );
  return null;
}

function notOwned(doc: Doc, findings: Finding[]): null {
  findings.push(
    error("DOCUMENT_NOT_OWNED", `${doc.path} belongs to another user and is ignored`, { documentPath: doc.path }),
  );
  return null;
}

/** A list item with the Firestore document id as its id. */
const withId = (doc: Doc) => ({ ...(typeof doc.data === "object" && doc.data !== null ? doc.data : {}), id: doc.id });

const latestOf = (a: string | null | undefined, b: string | null | undefined): string | null =>
  a && b ? (a > b ? a : b) : (a ?? b ?? null);

/** The bundle for the engine, and what was wrong with the documents. */
export function bundleFromDocs(
  docs: ApplicationDocs,
  application: Application,
  today: string,
): { bundle: Bundle; findings: Finding[] } {
  const findings: Finding[] = [];
  const owner = application.ownerUid;
  const profile = docs.profile ? parseDoc(profileSchema, docs.profile, findings) : null;
  const examDoc = docs.exam ? parseDoc(examResultSchema, docs.exam, findings) : null;
  const level2Doc = docs.level2 ? parseDoc(level2Schema, docs.level2, findings) : null;

  const exam = examDoc && docs.exam && (examDoc.uid === owner ? examDoc : notOwned(docs.exam, findings));
  const level2 = level2Doc && docs.level2 && (level2Doc.uid === owner ? level2Doc : notOwned(docs.level2, findings));

  const supervisors = docs.supervisors.flatMap((doc) => {
    const supervisor = parseDoc(supervisorSchema, { ...doc, data: withId(doc) }, findings);
    return supervisor ? [supervisor] : [];
  });
  const recognition = docs.recognition.flatMap((doc) => {
    const item = parseDoc(peerRecognitionSchema, { ...doc, data: withId(doc) }, findings);
    return item ? [item] : [];
  });
  // The latest declaration signed by a supervisor named on the application.
  const declarations = docs.declarations
    .filter((doc) => application.supervisorIds.includes(doc.id))
    .flatMap((doc) => {
      const declaration = parseDoc(declarationSchema, doc, findings);
      return declaration ? [{ supervisorId: doc.id, signedOn: declaration.signedOn }] : [];
    })
    .sort((a, b) =>
      a.signedOn < b.signedOn ? 1 : a.signedOn > b.signedOn ? -1 : a.supervisorId < b.supervisorId ? -1 : 1,
    );

  const bundle: Bundle = {
    asOf: today,
    route: application.route,
    candidate: {
      physicianRegistration: profile?.physicianRegistration ?? null,
      acls: profile?.acls ?? null,
      level2: level2
        ? {
            awardedOn: level2.awardedOn,
            expiresOn: level2.expiresOn,
            caseKeys: level2.caseKeys,
            cmeIds: level2.cmeIds,
            cmeEvents: level2.cmeEvents,
          }
        : null,
      uid: owner,
      ...(profile?.institution ? { institution: profile.institution } : {}),
    },
    exam: exam ? { passed: exam.passed, sittingDate: exam.sittingDate, resultDate: exam.resultDate } : null,
    // The later of the exam result's (where a granted extension request sets it) and the application's.
    extensionGrantedUntil: latestOf(exam?.extensionGrantedUntil, application.extensionGrantedUntil),
    supervisors,
    supervisorIds: application.supervisorIds,
    training: docs.training.map(withId) as Bundle["training"],
    cases: docs.cases.map(withId) as Bundle["cases"],
    cme: docs.cme.map(withId) as Bundle["cme"],
    peerRecognition: recognition,
    supervisorDeclaration: declarations[0] ?? null,
  };
  // Only when there are some: bundles (and submission snapshots) without approvals keep their shape.
  const remote = remoteSupervisionGrants(grantedRequests(docs, owner));
  if (remote.length) bundle.remoteSupervision = remote;
  return { bundle, findings };
}

function unjudgeable(today: string, policy: Policy, route: Route | null, findings: Finding[]): LiveReport {
  return {
    eligible: false,
    route,
    asOf: today,
    policyVersion: policy.version,
    summary: null,
    categories: null,
    requirements: [],
    findings: sortFindings(findings),
  };
}

/** The report of an application as its documents stand on `today`. */
export function judgeApplication(
  docs: ApplicationDocs,
  today: string,
  policy: Policy,
): { report: LiveReport; bundle: Bundle | null } {
  const findings: Finding[] = [];
  const application = parseDoc(applicationSchema, docs.application, findings);
  if (!application) return { report: unjudgeable(today, policy, null, findings), bundle: null };

  const built = bundleFromDocs(docs, application, today);
  findings.push(...built.findings);
  const forApp = policyForApplication(policy, grantedRequests(docs, application.ownerUid), docs.application.id);
  findings.push(...forApp.findings);
  try {
    const report = validateApplication(built.bundle, forApp.policy);
    const all = sortFindings([...report.findings, ...findings]);
    return {
      report: { ...report, findings: all, eligible: report.eligible && all.every((f) => f.severity !== "error") },
      bundle: built.bundle,
    };
  } catch (e) {
    if (!(e instanceof BundleInvalidError)) throw e;
    // Every document was checked above, so this means a bug in bundleFromDocs: report it, never crash.
    findings.push(error("BUNDLE_INVALID", e.message));
    return { report: unjudgeable(today, policy, application.route, findings), bundle: null };
  }
}
