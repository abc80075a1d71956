// The outcome of an action, announced: a confirmation is a status, a refusal an alert.
import { useState } from "react";
import { describeError } from "./errors";
export type Message = { text: string; error: boolean } | null;

export function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
      {message.text}
    </p>
  );
}

/** A read or load error, announced (nothing when there is none). */
export function ErrorText({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

/** An action that calls the server: busy while it runs, then its confirmation or its refusal in words. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  async function run(action: () => Promise<unknown>, done: string, doing: string, denied?: string): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ text: done, error: false });
      return true;
    } catch (err) {
      setMessage({ text: describeError(err, { doing, denied }), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, setMessage, run };
}

/** A modal confirmation (`<dialog>`, opened with `ref.current.showModal()`): what will happen, then yes or cancel. */
export function ConfirmDialog({
  dialogRef,
  id,
  title,
  yes,
  onYes,
  children,
}: {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  id: string;
  title: string;
  yes: string;
  onYes: () => void;
  children: React.ReactNode;
}) {
  return (
    <dialog ref={dialogRef} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <div id={`${id}-text`}>{children}</div>
      <button
        type="button"
        onClick={() => {
          dialogRef.current?.close();
          onYes();
        }}
      >
        {yes}
      </button>{" "}
      <button type="button" onClick={() => dialogRef.current?.close()}>
        Cancel
      </button>
    </dialog>
  );
}
