// Submission: a confirmation listing what will be frozen, then the
// submitApplication callable (which judges again and refuses with the
// findings when the logbook is not eligible). After submission: the status
// and the history of snapshots.
import { useEffect, useRef, useState } from "react";
import { collection, onSnapshot, orderBy, query } from "firebase/firestore";
import { sdk } from "../firebase";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import type { LoadedApplication } from "./use-application";

interface Snapshot {
  id: string;
  submission?: number;
  submittedAt?: { toDate(): Date };
  report?: { eligible?: boolean };
}

export function SubmitPanel({ loaded }: { loaded: LoadedApplication }) {
  const { application, parts, serverReport, serverState, editable } = loaded;
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);

  useEffect(() => {
    if (!application) return;
    return onSnapshot(
      query(collection(sdk().db, "applications", application.id, "snapshots"), orderBy("submission")),
      (snap) => setSnapshots(snap.docs.map((d) => ({ id: d.id, ...(d.data() as Omit<Snapshot, "id">) }))),
      () => setSnapshots([]),
    );
  }, [application?.id]);

  if (!application) return null;
  const ready = serverReport?.eligible === true && serverState === "confirmed";

  async function submit() {
    dialog.current?.close();
    setBusy(true);
    setMessage(null);
    try {
      const data = await callFunction<{ submission: number }>("submitApplication", { applicationId: application!.id });
      setMessage({ text: `Submitted (submission ${data.submission}). The logbook is now read-only.`, error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, {
          doing: "submit this logbook",
          denied: "only the candidate who owns the application can submit it.",
        }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  const frozen = [
    `${parts.cases.length} case(s)`,
    `${parts.cme.length} CME entr${parts.cme.length === 1 ? "y" : "ies"}`,
    `${parts.training.length} training period(s)`,
    `${parts.recognition.length} peer-recognition item(s)`,
    `${parts.declarations.length} supervisor declaration(s)`,
    "your registration and ACLS as your profile states them, and your uploaded evidence",
  ];

  return (
    <section aria-labelledby="submit-title">
      <h2 id="submit-title">Submission</h2>
      <p>
        Status: <strong data-status={application.status}>{application.status}</strong>
      </p>
      {editable ? (
        <>
          {!ready && (
            <p>
              You can submit once the server's report says the logbook is eligible
              {serverState === "checking" ? " (the server is still checking your latest changes)" : ""}.
            </p>
          )}
          <button type="button" disabled={!ready || busy} onClick={() => dialog.current?.showModal()}>
            Submit logbook…
          </button>
          <dialog ref={dialog} aria-labelledby="confirm-title" aria-describedby="confirm-text">
            <h3 id="confirm-title">Submit this logbook?</h3>
            <div id="confirm-text">
              <p>The following will be frozen and sent to the certification committee:</p>
              <ul>
                {frozen.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
              <p>You cannot change them afterwards unless the committee returns the logbook to you.</p>
            </div>
            <button type="button" onClick={submit}>
              Yes, submit
            </button>{" "}
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </dialog>
        </>
      ) : (
        <p>This logbook is read-only: it was submitted or closed.</p>
      )}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
          {message.text}
        </p>
      )}
      <h3>History</h3>
      {snapshots.length === 0 ? (
        <p>No submission yet.</p>
      ) : (
        <ul>
          {snapshots.map((s) => (
            <li key={s.id}>
              Submission {s.submission ?? s.id}
              {s.submittedAt ? ` on ${s.submittedAt.toDate().toLocaleString()}` : ""}:{" "}
              {s.report?.eligible ? "eligible when submitted" : "report attached"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
