// The written exam: the upcoming sessions (public, signed out too) and, for a
// signed-in candidate, registering and cancelling while registration is open
// (registerForExam / cancelExamRegistration), their registrations and their
// results with the certificate of completion.
import { useState, type FormEvent } from "react";
import { collection, orderBy, query, where } from "firebase/firestore";
import { registrationState } from "../../../functions/src/exam/domain/session";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ErrorText, Feedback, useAction, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveQuery, type LiveDoc } from "../live";
import { Link } from "../router";
import { today } from "../today";

interface Session {
  sittingDate: string;
  timeZone: string;
  title: string;
  registrationOpens: string;
  registrationCloses: string;
  startWindow: { from: string; to: string; opensAt: string; closesAt: string };
  resultsReleased?: boolean;
}

interface Registration {
  sessionId: string;
  status: "registered" | "cancelled";
  familyName: string;
  givenNames: string;
  sittingDate: string;
  registeredOn: string;
  cancelledOn: string | null;
}

export interface ExamResult {
  passed: boolean;
  status?: string;
  sittingDate: string;
  resultDate: string;
  sessionId?: string;
  score?: number;
  maxScore?: number;
  passMark?: number;
  completionCertificatePath?: string | null;
  completionCertificateIssuedAt?: unknown;
}

const WINDOW_TEXT = {
  "not-open-yet": "registration not open yet",
  open: "registration open",
  closed: "registration closed",
} as const;

export function ExamPage() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? null;
  const day = today();
  // The rules show a session to the public until the day after its sitting: ask for exactly those.
  const sessions = useLiveQuery<Session>(
    query(collection(db, "examSessions"), where("sittingDate", ">=", day), orderBy("sittingDate")),
    day,
    { doing: "list the exam sessions" },
  );
  const registrations = useLiveQuery<Registration>(
    uid ? query(collection(db, "examRegistrations"), where("uid", "==", uid)) : null,
    uid ?? "",
    { doing: "list your exam registrations", denied: "you may read only your own registrations." },
  );
  const mine = new Map((registrations.value ?? []).map((r) => [r.data.sessionId, r]));

  return (
    <>
      <h1>Written exam</h1>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Upcoming sessions</h2>
        <ErrorText text={sessions.error} />
        {sessions.value === undefined && <p role="status">Loading…</p>}
        {sessions.value?.length === 0 && <p>No exam session is planned yet.</p>}
        {!!sessions.value?.length && (
          <table className="grid" aria-label="Upcoming exam sessions">
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Sitting</th>
                <th scope="col">Registration</th>
                <th scope="col">Start window</th>
              </tr>
            </thead>
            <tbody>
              {sessions.value.map(({ id, data }) => (
                <tr key={id} data-session={id}>
                  <td>{data.title}</td>
                  <td>{data.sittingDate}</td>
                  <td>
                    {data.registrationOpens} to {data.registrationCloses} ({WINDOW_TEXT[registrationState(data, day)]})
                  </td>
                  <td>
                    {data.startWindow.from} to {data.startWindow.to} ({data.timeZone} time)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!uid && (
          <p>
            <Link to="/sign-in">Sign in</Link> to register for a session.
          </p>
        )}
      </section>
      {uid && (
        <>
          <section aria-labelledby="registrations-heading">
            <h2 id="registrations-heading">Your registrations</h2>
            <ErrorText text={registrations.error} />
            {(sessions.value ?? []).map((s) => (
              <SessionRegistration key={s.id} session={s} registration={mine.get(s.id) ?? null} day={day} />
            ))}
            <PastRegistrations registrations={(registrations.value ?? []).filter((r) => r.data.sittingDate < day)} />
          </section>
          <ExamResults uid={uid} />
        </>
      )}
    </>
  );
}

/** One upcoming session for the signed-in candidate: their registration and what they can do. */
function SessionRegistration({
  session: { id, data },
  registration,
  day,
}: {
  session: LiveDoc<Session>;
  registration: LiveDoc<Registration> | null;
  day: string;
}) {
  const state = registrationState(data, day);
  const registered = registration?.data.status === "registered";
  const [familyName, setFamilyName] = useState(registration?.data.familyName ?? "");
  const [givenNames, setGivenNames] = useState(registration?.data.givenNames ?? "");
  const { busy, message, setMessage, run } = useAction();

  function register(e: FormEvent) {
    e.preventDefault();
    if (!familyName.trim() || !givenNames.trim()) {
      setMessage({ text: "Give your family name and given names as on your passport.", error: true });
      return;
    }
    void run(
      () => callFunction("registerForExam", { sessionId: id, familyName, givenNames }),
      `You are registered for the exam of ${data.sittingDate}.`,
      `register for the exam of ${data.sittingDate}`,
    );
  }

  function cancel() {
    if (!window.confirm(`Cancel your registration for the exam of ${data.sittingDate}?`)) return;
    void run(
      () => callFunction("cancelExamRegistration", { sessionId: id }),
      `Your registration for the exam of ${data.sittingDate} is cancelled.`,
      `cancel your registration for the exam of ${data.sittingDate}`,
    );
  }

  const headingId = `reg-${id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="exam-session"
      data-registration-status={registration?.data.status ?? "none"}
    >
      <h3 id={headingId}>{data.title}</h3>
      <p>
        {registered
          ? `Registered on ${registration.data.registeredOn} as ${registration.data.familyName}, ${registration.data.givenNames}.`
          : registration
            ? `Registration cancelled on ${registration.data.cancelledOn ?? "?"}.`
            : "You are not registered."}{" "}
        {state === "not-open-yet" && `Registration opens on ${data.registrationOpens}.`}
        {state === "open" && `You can register or cancel until ${data.registrationCloses}.`}
        {state === "closed" && `Registration closed on ${data.registrationCloses}.`}
      </p>
      {state === "open" && !registered && (
        <form onSubmit={register} aria-label={`Register for ${data.title}`}>
          <label>
            Family name (as on your passport)
            <input value={familyName} onChange={(e) => setFamilyName(e.target.value)} maxLength={120} />
          </label>
          <label>
            Given names
            <input value={givenNames} onChange={(e) => setGivenNames(e.target.value)} maxLength={120} />
          </label>
          <button type="submit" disabled={busy}>
            Register for the exam of {data.sittingDate}
          </button>
        </form>
      )}
      {state === "open" && registered && (
        <button type="button" onClick={cancel} disabled={busy}>
          Cancel my registration for {data.sittingDate}
        </button>
      )}
      <Feedback message={message} />
    </section>
  );
}

function PastRegistrations({ registrations }: { registrations: LiveDoc<Registration>[] }) {
  if (!registrations.length) return null;
  return (
    <ul aria-label="Past sittings">
      {registrations.map(({ id, data }) => (
        <li key={id}>
          {data.sittingDate}: {data.status === "registered" ? "registered" : "registration cancelled"}
        </li>
      ))}
    </ul>
  );
}

/** The candidate's exam results and certificates of completion. */
function ExamResults({ uid }: { uid: string }) {
  const { db } = sdk();
  const results = useLiveQuery<ExamResult>(query(collection(db, "examResults"), where("uid", "==", uid)), uid, {
    doing: "read your exam results",
    denied: "you may read only your own results.",
  });
  const [message, setMessage] = useState<Message>(null);

  async function download(path: string) {
    setMessage(null);
    try {
      const { storage, ref, getDownloadURL } = await import("../evidence/upload").then((m) => m.storageReady());
      window.open(await getDownloadURL(ref(storage, path)), "_blank", "noopener");
    } catch (err) {
      setMessage({ text: describeError(err, { doing: "download your certificate" }), error: true });
    }
  }

  const rows = [...(results.value ?? [])].sort((a, b) => b.data.sittingDate.localeCompare(a.data.sittingDate));
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">Your results</h2>
      <ErrorText text={results.error} />
      {results.value?.length === 0 && <p>No exam result yet: results appear here on their release date.</p>}
      {rows.length > 0 && (
        <table className="grid" aria-label="Your exam results">
          <thead>
            <tr>
              <th scope="col">Sitting</th>
              <th scope="col">Result</th>
              <th scope="col">Score</th>
              <th scope="col">Released</th>
              <th scope="col">Certificate of completion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, data }) => (
              <tr key={id} data-exam-result={id}>
                <td>{data.sittingDate}</td>
                <td>{data.passed ? "passed" : "not passed"}</td>
                <td>
                  {data.score !== undefined && data.maxScore !== undefined
                    ? `${data.score} / ${data.maxScore} (pass mark ${data.passMark ?? "?"})`
                    : "not given"}
                </td>
                <td>{data.resultDate}</td>
                <td>
                  {data.completionCertificatePath ? (
                    <button type="button" onClick={() => void download(data.completionCertificatePath!)}>
                      Download the certificate of {data.sittingDate}
                    </button>
                  ) : data.completionCertificateIssuedAt ? (
                    "issued and sent to you by e-mail"
                  ) : data.passed && data.sessionId ? (
                    "being issued"
                  ) : (
                    "none"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Feedback message={message} />
    </section>
  );
}
