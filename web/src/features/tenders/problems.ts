// What to tell the user when a tender action fails. The server explains refusals in English (ProblemDetails
// `detail`); the UI knows from the action and the status what happened, and says it in the user's language.
// Field errors (400) are shown by the forms next to their fields.
import { ApiError } from "../../api/problem";
import { describeRefusal } from "../../i18n/refusals";
import { t, type MessageKey } from "../../i18n";

export type TenderAction =
  | "draft"
  | "edit"
  | "publish"
  | "amend"
  | "ask"
  | "answer"
  | "submitBid"
  | "withdrawBid"
  | "score"
  | "award"
  | "unsuccessful"
  | "cancel"
  | "complete"
  | "upload";

/** Actions a firm takes for itself; the others are the buyer's. */
const firmActions: readonly TenderAction[] = ["ask", "submitBid", "withdrawBid"];

const conflict: Record<TenderAction, MessageKey> = {
  draft: "tender.problem.changed",
  edit: "tenderForm.conflict",
  publish: "tender.problem.changed",
  amend: "tenderForm.conflict",
  ask: "tender.problem.questionsClosed",
  answer: "tender.problem.alreadyAnswered",
  submitBid: "tender.problem.deadlinePassed",
  withdrawBid: "tender.problem.noBid",
  score: "tender.problem.decided",
  award: "tender.problem.award",
  unsuccessful: "tender.problem.decided",
  cancel: "tender.problem.cannotCancel",
  complete: "tender.problem.changed",
  upload: "tender.problem.changed",
};

export interface ActionProblem {
  /** Made when shown, so that it follows a change of language. */
  text: () => string;
  /** The page's data is out of date (409) or gone (404): load it again. */
  reload: boolean;
}

/**
 * A failed action, other than field errors. A 409 means the tender moved on (a deadline passed, someone else
 * acted first): the page reloads and the message says what it means for this action.
 */
export function tenderProblem(action: TenderAction, error: unknown): ActionProblem {
  if (!(error instanceof ApiError)) return { text: () => describeRefusal(error), reload: false };
  switch (error.status) {
    case 401:
      return { text: () => t("tender.problem.signedOut"), reload: false };
    case 403:
      return {
        text: () => t(firmActions.includes(action) ? "tender.problem.forbiddenFirm" : action === "draft" ? "tenderForm.forbidden" : "tender.problem.forbiddenBuyer"),
        reload: action !== "upload",
      };
    case 404:
      return { text: () => t(action === "upload" ? "tender.problem.uploadNotFound" : "tender.problem.notFound"), reload: action !== "upload" };
    case 409:
      return { text: () => t(conflict[action]), reload: true };
    case 413:
      return { text: () => t("tender.problem.tooLarge"), reload: false };
    default:
      return { text: () => describeRefusal(error), reload: false };
  }
}
