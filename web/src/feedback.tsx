// The outcome of an action, announced: a confirmation is a status, a refusal an alert.
export type Message = { text: string; error: boolean } | null;

export function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
      {message.text}
    </p>
  );
}
