// The supervisor's view: the applications that name them, each logbook
// read-only with the server's report, and the declaration to sign.
import { useEffect, useState, type FormEvent } from "react";
import { collection, deleteDoc, doc, onSnapshot, query, setDoc, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";
import { Link } from "../router";
import { today } from "../today";
import { useApplication } from "../logbook/use-application";
import { CaseGrid } from "../logbook/CaseGrid";
import { ReportView } from "../logbook/ReportView";
import { RandomChecks } from "./RandomChecks";
import { NamedRequests } from "./NamedRequests";

interface Row {
  id: string;
  ownerUid: string;
  /** Written by the candidate on the application (a supervisor cannot read their profile). */
  candidateName: string | null;
  route: string;
  status: string;
}

export function SupervisionListPage() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () =>
      onSnapshot(
        query(collection(db, "applications"), where("supervisorIds", "array-contains", uid)),
        (snap) =>
          setRows(
            snap.docs.map((d) => ({
              id: d.id,
              ownerUid: d.data().ownerUid,
              candidateName: typeof d.data().candidateName === "string" ? d.data().candidateName : null,
              route: d.data().route,
              status: d.data().status,
            })),
          ),
        (err) =>
          setError(
            describeError(err, {
              doing: "list the candidates who named you",
              denied:
                "only verified Level 3 supervisors (in the supervisors registry) can see the logbooks that name them.",
            }),
          ),
      ),
    [db, uid],
  );
  return (
    <>
      <h1>Candidates who named you as supervisor</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows === null && !error && <p role="status">Loading…</p>}
      {rows?.length === 0 && <p>No candidate has named you yet.</p>}
      {rows && rows.length > 0 && (
        <table className="grid" aria-label="Candidates who named you">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Candidate</th>
              <th scope="col">Route</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/supervision/${r.id}`}>Review logbook {r.id}</Link>
                </td>
                <td>{r.candidateName ?? `(no name given; account ${r.ownerUid})`}</td>
                <td>{r.route}</td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NamedRequests />
    </>
  );
}

const DECLARATION_DENIED =
  "only a verified Level 3 supervisor named on the application can sign, and only while the logbook is a draft or returned.";

export function SupervisionPage({ appId }: { appId: string }) {
  const { auth, db } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const loaded = useApplication(appId, { computeLocally: false });
  const { application, parts, serverReport, editable, supervisorNames } = loaded;
  const mine = parts.declarations.find((d) => d.id === uid);
  const signedOn = (mine?.data as { signedOn?: string } | undefined)?.signedOn;
  const [statement, setStatement] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function sign(e: FormEvent) {
    e.preventDefault();
    try {
      await setDoc(doc(db, "applications", appId, "declarations", uid), {
        signedOn: today(),
        ...(statement.trim() ? { statement: statement.trim() } : {}),
      });
      setMessage({ text: "Declaration signed.", error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, { doing: "sign the declaration", denied: DECLARATION_DENIED }),
        error: true,
      });
    }
  }
  async function withdraw() {
    try {
      await deleteDoc(doc(db, "applications", appId, "declarations", uid));
      setMessage({ text: "Declaration withdrawn.", error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, { doing: "withdraw the declaration", denied: DECLARATION_DENIED }),
        error: true,
      });
    }
  }

  if (loaded.error)
    return (
      <>
        <h1>Logbook</h1>
        <p role="alert" className="error">
          {loaded.error}
        </p>
      </>
    );
  if (!application) return <p role="status">Loading the logbook…</p>;
  return (
    <>
      <h1>
        Logbook of {application.candidateName ?? application.ownerUid}{" "}
        <span className="subtitle">
          ({application.route}, {application.status})
        </span>
      </h1>
      <section aria-labelledby="declaration-title">
        <h2 id="declaration-title">Your declaration</h2>
        {signedOn ? <p data-signed-on={signedOn}>You signed on {signedOn}.</p> : <p>You have not signed yet.</p>}
        {editable ? (
          <form onSubmit={sign}>
            <div className="field">
              <label htmlFor="statement">Statement (optional)</label>
              <textarea
                id="statement"
                value={statement}
                maxLength={2000}
                onChange={(e) => setStatement(e.target.value)}
              />
            </div>
            <p>
              By signing you declare that the cases in this logbook were performed or reported under your supervision.
            </p>
            <button type="submit">{signedOn ? "Sign again today" : "Sign the declaration"}</button>{" "}
            {signedOn && (
              <button type="button" onClick={withdraw}>
                Withdraw my declaration
              </button>
            )}
          </form>
        ) : (
          <p>The logbook is {application.status}: declarations can no longer change.</p>
        )}
        {message && (
          <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
            {message.text}
          </p>
        )}
      </section>
      {/* A grading round exists once the logbook was submitted: its checks may ask this supervisor. */}
      {application.submissionCount > 0 && <RandomChecks appId={appId} />}
      <ReportView
        report={null}
        serverReport={serverReport}
        serverState={null}
        appPath={`/supervision/${appId}`}
        title="Report (from the server)"
      />
      <CaseGrid appId={appId} cases={parts.cases} editable={false} supervisorNames={supervisorNames} focusId={null} />
    </>
  );
}
