// The review and board screens of recertification and the exam (issue 14):
// who sees them (the Auth custom claim `role`), their navigation links and
// their routes. The screens themselves are lazy-loaded.
import { lazy, useEffect, useState } from "react";
import type { User } from "firebase/auth";
import { Link } from "../router";

/** The certification team and the committee review recertifications; the exam board is the same three roles. */
export const BOARD_ROLES = ["admin", "committee", "chair"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** The signed-in user's board role (from the ID token's claims), null for anyone else, undefined while loading. */
export function useBoardRole(user: User | null | undefined): BoardRole | null | undefined {
  const [role, setRole] = useState<BoardRole | null | undefined>(undefined);
  useEffect(() => {
    if (!user) {
      setRole(user === null ? null : undefined);
      return;
    }
    let live = true;
    user
      .getIdTokenResult()
      .then(
        (t) => live && setRole(BOARD_ROLES.includes(t.claims.role as BoardRole) ? (t.claims.role as BoardRole) : null),
      )
      .catch(() => live && setRole(null));
    return () => {
      live = false;
    };
  }, [user?.uid]);
  return role;
}

const RecertificationQueuePage = lazy(() =>
  import("../recertification/ReviewPages").then((m) => ({ default: m.RecertificationQueuePage })),
);
const RecertificationReviewPage = lazy(() =>
  import("../recertification/ReviewPages").then((m) => ({ default: m.RecertificationReviewPage })),
);
const ExamBoardPage = lazy(() => import("../exam/BoardPages").then((m) => ({ default: m.ExamBoardPage })));
const ExamSessionBoardPage = lazy(() =>
  import("../exam/BoardPages").then((m) => ({ default: m.ExamSessionBoardPage })),
);

/** The board screen for a path, or null when the path is not one of them. */
export function boardScreen(path: string, role: BoardRole | null): React.ReactNode {
  if (path === "/recertification/review") return <RecertificationQueuePage role={role} />;
  const review = /^\/recertification\/review\/([A-Za-z0-9_-]+)$/.exec(path);
  if (review) return <RecertificationReviewPage key={review[1]} appId={review[1]} role={role} />;
  if (path === "/exam/board") return <ExamBoardPage role={role} />;
  const session = /^\/exam\/board\/([A-Za-z0-9_-]+)$/.exec(path);
  if (session) return <ExamSessionBoardPage key={session[1]} sessionId={session[1]} role={role} />;
  return null;
}

/** The navigation links of the board screens, for the board roles only. */
export function BoardLinks({ path, role }: { path: string; role: BoardRole | null | undefined }) {
  if (!role) return null;
  return (
    <>
      <Link to="/recertification/review" aria-current={path.startsWith("/recertification/review") ? "page" : undefined}>
        Recertification review
      </Link>
      <Link to="/exam/board" aria-current={path.startsWith("/exam/board") ? "page" : undefined}>
        Exam board
      </Link>
    </>
  );
}
