// Outgoing messages, in the shape of the Trigger Email extension's `message`.
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A message from paragraphs: plain text with blank lines, HTML with <p>. */
export function message(subject: string, paragraphs: string[]): MailMessage {
  return {
    subject,
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
  };
}
