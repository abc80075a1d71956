// The random checks of a submitted logbook that ask this supervisor to
// confirm a case (docs/grading.md): confirm or deny, with a comment.
import { useState } from "react";
import { collection, query, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { Feedback, type Message } from "../feedback";
import { useLiveQuery } from "../live";
import type { CheckData } from "../grading/model";

export function RandomChecks({ appId }: { appId: string }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const checks = useLiveQuery<CheckData>(
    query(collection(db, "gradings", appId, "checks"), where("supervisorUid", "==", uid)),
    `${appId}/${uid}`,
    { doing: "read the random checks", denied: "only the supervisor named on a case answers its check." },
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);

  async function answer(checkId: string, confirmed: boolean) {
    setMessage(null);
    try {
      const comment = comments[checkId]?.trim();
      await callFunction("answerRandomCheck", { applicationId: appId, checkId, confirmed, comment: comment || null });
      setMessage({ text: confirmed ? "Case confirmed." : "Case denied: the committee is told.", error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, {
          doing: "answer the check",
          denied: "only the supervisor named on the case answers its check.",
        }),
        error: true,
      });
    }
  }

  if (!checks.value?.length && !checks.error) return null;
  return (
    <section aria-labelledby="checks-title">
      <h2 id="checks-title">Random checks</h2>
      <p>
        The committee picked these cases at random: confirm that each was performed or reported under your supervision.
      </p>
      {checks.error && (
        <p role="alert" className="error">
          {checks.error}
        </p>
      )}
      <ul className="checks">
        {(checks.value ?? []).map(({ id, data }) => (
          <li key={id} data-check-status={data.status}>
            Case {data.patientRef} of {data.studyDate}:{" "}
            {data.status === "pending" ? (
              <>
                <label htmlFor={`check-comment-${id}`}>Comment on case {data.patientRef} (optional)</label>{" "}
                <input
                  id={`check-comment-${id}`}
                  value={comments[id] ?? ""}
                  maxLength={2000}
                  onChange={(e) => setComments({ ...comments, [id]: e.target.value })}
                />{" "}
                <button type="button" onClick={() => answer(id, true)} aria-label={`Confirm case ${data.patientRef}`}>
                  Confirm
                </button>{" "}
                <button type="button" onClick={() => answer(id, false)} aria-label={`Deny case ${data.patientRef}`}>
                  Deny
                </button>
              </>
            ) : (
              `${data.status}${data.comment ? ` (${data.comment})` : ""}`
            )}
          </li>
        ))}
      </ul>
      <Feedback message={message} />
    </section>
  );
}
