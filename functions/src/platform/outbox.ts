// The mail outbox (the Trigger Email extension's `mail` collection, which
// delivers it) and in-app notifications. Every message has a deterministic id
// and is written with create semantics inside the caller's transaction, so a
// rerun, a retry or two overlapping runs never send it twice.
import { FieldValue, type DocumentReference, type Firestore, type Transaction } from "firebase-admin/firestore";
import type { MailMessage } from "./domain/mail.js";
import { MEMBERSHIP_TIERS, type MembershipTier } from "./domain/programme.js";
import { COLLECTIONS, paths } from "./paths.js";

export interface Recipient {
  uid: string;
  email: string | null;
}

/** The document whose existence means "this message was already sent". */
export const sentMarker = (db: Firestore, uid: string, messageId: string): DocumentReference =>
  db.doc(`${paths.user(uid)}/notifications/${messageId}`);

/**
 * Queues `message` for `to` (call only after checking sentMarker does not
 * exist in the same transaction). Without an address the message is recorded
 * as undeliverable, for the committee digest.
 */
function queueMessage(
  db: Firestore,
  tx: Transaction,
  to: Recipient,
  messageId: string,
  msg: MailMessage,
  about: string,
) {
  tx.create(sentMarker(db, to.uid, messageId), {
    title: msg.subject,
    body: msg.text,
    about,
    createdAt: FieldValue.serverTimestamp(),
    readAt: null,
  });
  if (to.email) {
    tx.create(db.doc(`${COLLECTIONS.mail}/${messageId}`), { to: to.email, message: msg, about });
  } else {
    tx.create(db.doc(`${COLLECTIONS.undeliverable}/${messageId}`), {
      uid: to.uid,
      about,
      reportedOn: null,
      createdAt: FieldValue.serverTimestamp(),
    });
  }
}

export interface OutgoingMessage {
  id: string;
  msg: MailMessage;
}

/**
 * Reads whether each message was already sent (call before the
 * transaction's writes) and returns a function that queues the missing ones,
 * returning how many it queued.
 */
export async function prepareMessages(
  db: Firestore,
  tx: Transaction,
  to: Recipient,
  messages: OutgoingMessage[],
  about: string,
): Promise<{ reads: number; send: () => number }> {
  const markers = messages.length ? await tx.getAll(...messages.map((m) => sentMarker(db, to.uid, m.id))) : [];
  const missing = messages.filter((_, i) => !markers[i].exists);
  return {
    reads: markers.length,
    send: () => {
      for (const { id, msg } of missing) queueMessage(db, tx, to, id, msg, about);
      return missing.length;
    },
  };
}

/** The holder's address and membership tier, from their profile. */
export async function recipientOf(db: Firestore, tx: Transaction, uid: string) {
  const profile = await tx.get(db.doc(paths.user(uid)));
  const email = profile.get("email");
  const membership = profile.get("membership");
  return {
    recipient: { uid, email: typeof email === "string" && email.includes("@") ? email : null },
    tier: ((MEMBERSHIP_TIERS as readonly string[]).includes(membership) ? membership : "non-member") as MembershipTier,
  };
}
