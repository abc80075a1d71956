// Everything one application's report depends on, live from Firestore, and
// the report computed from it in the browser by the server's engine. The
// server's validation/current stays the authority; `serverState` says whether
// it has caught up with what the browser shows.
import { useEffect, useMemo, useRef, useState } from "react";
import {
  collection,
  doc,
  onSnapshot,
  query,
  where,
  type DocumentSnapshot,
  type QuerySnapshot,
} from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";
import {
  DEFAULT_POLICY,
  EDITABLE_STATUSES,
  judgeApplication,
  resolvePolicy,
  type ApplicationStatus,
  type Doc,
  type LiveReport,
  type Policy,
} from "../domain";
import { today } from "../today";

export const PARTS = ["cases", "cme", "training", "recognition", "declarations"] as const;
export type Part = (typeof PARTS)[number];

export interface ApplicationData {
  id: string;
  route: string;
  status: ApplicationStatus;
  ownerUid: string;
  supervisorIds: string[];
  examResultId: string | null;
  level2CertificationId: string | null;
  /** The name the candidate shows the supervisors they name (users/{uid} is private). */
  candidateName: string | null;
  /** How many times it was submitted (0 before the first submission). */
  submissionCount: number;
  decidedOn: string | null;
  returnReasons: string[];
}

export interface ServerReport extends LiveReport {
  revision?: number;
}

/** Whether the server's report agrees with the one computed here. */
export type ServerState = "checking" | "confirmed" | "differs";

export interface LoadedApplication {
  loading: boolean;
  /** A message a person can act on when the application cannot be read. */
  error: string | null;
  application: ApplicationData | null;
  editable: boolean;
  parts: Record<Part, Doc[]>;
  supervisorNames: Map<string, string>;
  /** Computed in the browser; null when the candidate's own documents cannot be read (supervisor view). */
  localReport: LiveReport | null;
  serverReport: ServerReport | null;
  serverState: ServerState;
  pendingWrites: boolean;
}

const toDoc = (snap: DocumentSnapshot): Doc => ({ path: snap.ref.path, id: snap.id, data: snap.data() });
const emptyParts = (): Record<Part, Doc[]> => ({ cases: [], cme: [], training: [], recognition: [], declarations: [] });

/** What decides eligibility: the date and revision aside, the two reports must be the same. */
const essence = (r: LiveReport | null) =>
  r && JSON.stringify([r.eligible, r.route, r.summary, r.categories, r.requirements, r.findings]);

/** How long after the last change a disagreement is "checking" rather than "differs". */
const CATCH_UP_MS = 20_000;

export function useApplication(appId: string, { computeLocally }: { computeLocally: boolean }): LoadedApplication {
  const [appDoc, setAppDoc] = useState<DocumentSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [parts, setParts] = useState(emptyParts);
  const [singles, setSingles] = useState<Record<string, Doc | null>>({});
  const [supervisorDocs, setSupervisorDocs] = useState<Record<string, Doc | null>>({});
  const [policy, setPolicy] = useState<Policy>(DEFAULT_POLICY);
  const [serverReport, setServerReport] = useState<ServerReport | null>(null);
  const [pendingWrites, setPendingWrites] = useState(false);
  const pendingByPart = useRef<Record<string, boolean>>({});
  const [lastChange, setLastChange] = useState(() => Date.now());
  const [, setTick] = useState(0);

  const denied = (what: string) => (e: unknown) =>
    setError(
      describeError(e, {
        doing: `open ${what}`,
        denied:
          "a logbook can be read only by its candidate, the supervisors the candidate named, its graders and the committee.",
      }),
    );

  // The application and its parts.
  useEffect(() => {
    const { db, auth } = sdk();
    // A supervisor may read only their own declaration (firestore.rules), so
    // the supervisor's view listens to that one document, not the collection.
    const ownDeclaration = !computeLocally && auth.currentUser ? auth.currentUser.uid : null;
    setAppDoc(null);
    setError(null);
    setParts(emptyParts());
    const unsubscribe = [
      onSnapshot(
        doc(db, "applications", appId),
        { includeMetadataChanges: true },
        (snap) => {
          if (!snap.exists()) setError("This application does not exist.");
          setAppDoc(snap);
        },
        denied("this application"),
      ),
      ...(ownDeclaration
        ? [
            onSnapshot(
              doc(db, "applications", appId, "declarations", ownDeclaration),
              (snap) => setParts((p) => ({ ...p, declarations: snap.exists() ? [toDoc(snap)] : [] })),
              denied("your declaration"),
            ),
          ]
        : []),
      ...PARTS.filter((part) => !(part === "declarations" && ownDeclaration)).map((part) =>
        onSnapshot(
          collection(db, "applications", appId, part),
          { includeMetadataChanges: true },
          (snap: QuerySnapshot) => {
            pendingByPart.current[part] = snap.metadata.hasPendingWrites;
            setPendingWrites(Object.values(pendingByPart.current).some(Boolean));
            if (snap.docChanges().length) setLastChange(Date.now());
            setParts((p) => ({ ...p, [part]: snap.docs.map(toDoc) }));
          },
          denied("this logbook"),
        ),
      ),
      onSnapshot(
        doc(db, "applications", appId, "validation", "current"),
        (snap) => setServerReport(snap.exists() ? (snap.data() as ServerReport) : null),
        () => setServerReport(null),
      ),
    ];
    return () => unsubscribe.forEach((u) => u());
  }, [appId, computeLocally]);

  const data = appDoc?.data();
  const application: ApplicationData | null = data
    ? {
        id: appId,
        route: String(data.route),
        status: data.status as ApplicationStatus,
        ownerUid: String(data.ownerUid),
        supervisorIds: Array.isArray(data.supervisorIds) ? data.supervisorIds.map(String) : [],
        examResultId: typeof data.examResultId === "string" ? data.examResultId : null,
        level2CertificationId: typeof data.level2CertificationId === "string" ? data.level2CertificationId : null,
        candidateName: typeof data.candidateName === "string" ? data.candidateName : null,
        submissionCount: typeof data.submissionCount === "number" ? data.submissionCount : 0,
        decidedOn: typeof data.decidedOn === "string" ? data.decidedOn : null,
        returnReasons: Array.isArray(data.returnReasons) ? data.returnReasons.map(String) : [],
      }
    : null;

  // The documents outside the application that the report reads (the candidate's own; a supervisor cannot read them).
  const singlePaths = application
    ? [
        computeLocally ? `users/${application.ownerUid}` : null,
        computeLocally && application.examResultId ? `examResults/${application.examResultId}` : null,
        computeLocally && application.level2CertificationId
          ? `certifications/${application.level2CertificationId}`
          : null,
      ]
    : [];
  const singleKey = singlePaths.join("|");
  useEffect(() => {
    const { db } = sdk();
    const unsubscribe = singlePaths
      .filter((p): p is string => p !== null)
      .map((path) =>
        onSnapshot(
          doc(db, path),
          (snap) => {
            setSingles((s) => ({ ...s, [path]: snap.exists() ? toDoc(snap) : null }));
            setLastChange(Date.now());
          },
          () => setSingles((s) => ({ ...s, [path]: null })),
        ),
      );
    if (computeLocally) {
      unsubscribe.push(
        onSnapshot(
          doc(db, "config", "policy"),
          (snap) => {
            const resolved = snap.exists() ? resolvePolicy(snap.data()) : null;
            setPolicy(resolved?.success ? resolved.data : DEFAULT_POLICY);
          },
          () => setPolicy(DEFAULT_POLICY),
        ),
      );
    }
    return () => unsubscribe.forEach((u) => u());
  }, [singleKey, computeLocally]);

  const supervisorKey = application?.supervisorIds.join("|") ?? "";
  useEffect(() => {
    const { db } = sdk();
    const ids = supervisorKey ? supervisorKey.split("|") : [];
    const unsubscribe = ids.map((id) =>
      onSnapshot(
        doc(db, "supervisors", id),
        (snap) => setSupervisorDocs((s) => ({ ...s, [id]: snap.exists() ? toDoc(snap) : null })),
        () => setSupervisorDocs((s) => ({ ...s, [id]: null })),
      ),
    );
    return () => unsubscribe.forEach((u) => u());
  }, [supervisorKey]);

  // Requests (functions/src/requests): the engine also reads the candidate's granted
  // requests (remote-supervision approvals, special-circumstances overrides). Only the
  // candidate may list them; for anyone else the list stays empty.
  const [requestDocs, setRequestDocs] = useState<Doc[]>([]);
  const owner = application?.ownerUid ?? "";
  useEffect(() => {
    if (!owner || !computeLocally) return;
    const { db } = sdk();
    return onSnapshot(
      query(collection(db, "requests"), where("candidateUid", "==", owner), where("status", "==", "granted")),
      (snap) => setRequestDocs(snap.docs.map(toDoc)),
      () => setRequestDocs([]),
    );
  }, [owner, computeLocally]);

  const localReport = useMemo(() => {
    if (!computeLocally || !appDoc?.exists() || !application) return null;
    const at = (path: string | null) => (path ? (singles[path] ?? null) : null);
    const [profilePath, examPath, level2Path] = singlePaths;
    return judgeApplication(
      {
        application: toDoc(appDoc),
        profile: at(profilePath),
        exam: at(examPath),
        level2: at(level2Path),
        supervisors: application.supervisorIds.map((id) => supervisorDocs[id]).filter((d): d is Doc => !!d),
        ...parts,
        requests: requestDocs,
      },
      today(),
      policy,
    ).report;
  }, [appDoc, parts, singles, supervisorDocs, requestDocs, policy, computeLocally]);

  const agrees = localReport === null || essence(localReport) === essence(serverReport);
  const recent = Date.now() - lastChange < CATCH_UP_MS;
  const serverState: ServerState =
    agrees && !pendingWrites && serverReport ? "confirmed" : pendingWrites || recent ? "checking" : "differs";

  // Re-evaluate "recent" once the catch-up window has passed.
  useEffect(() => {
    if (serverState !== "checking") return;
    const timer = setTimeout(() => setTick((t) => t + 1), CATCH_UP_MS + 100);
    return () => clearTimeout(timer);
  }, [serverState, lastChange]);

  const supervisorNames = new Map<string, string>();
  for (const [id, d] of Object.entries(supervisorDocs)) {
    const name = (d?.data as { name?: unknown } | undefined)?.name;
    if (typeof name === "string") supervisorNames.set(id, name);
  }

  return {
    loading: !appDoc && !error,
    error,
    application,
    editable: !!application && EDITABLE_STATUSES.includes(application.status),
    parts,
    supervisorNames,
    localReport,
    serverReport,
    serverState,
    pendingWrites,
  };
}
