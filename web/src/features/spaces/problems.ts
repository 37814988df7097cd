// What to tell the user when a space action fails. The server explains refusals in English (ProblemDetails
// `detail`); the UI knows from the action and the status what happened, and says it in the user's language.
import { ApiError } from "../../api/problem";
import type { MembershipStatus } from "../../api/types";
import { describeRefusal } from "../../i18n/refusals";
import { t, type MessageKey } from "../../i18n";

export type SpaceAction =
  | "create"
  | "settings"
  | "publish"
  | "apply"
  | "withdraw"
  | "leave"
  | "acceptPolicy"
  | "decide"
  | "invite"
  | "moderator"
  | "removeModerator"
  | "vouch"
  | "revokeVouch";

/** Actions a firm takes for itself, which only its Owners and Managers may take. */
const firmActions: readonly SpaceAction[] = ["apply", "withdraw", "leave", "acceptPolicy"];

const forbidden = (action: SpaceAction): MessageKey =>
  firmActions.includes(action)
    ? "spaces.problem.forbiddenFirm"
    : action === "moderator"
      ? "spaces.problem.forbiddenModerator"
      : action === "removeModerator"
        ? "spaces.problem.forbiddenRemoveModerator"
      : action === "create"
        ? "spaces.problem.forbiddenCreate"
        : "spaces.problem.forbiddenAdmin";

const conflict: Record<SpaceAction, MessageKey> = {
  create: "spaces.problem.conflict",
  settings: "spaces.problem.settingsConflict",
  publish: "spaces.problem.conflict",
  apply: "spaces.problem.standingChanged",
  withdraw: "spaces.problem.standingChanged",
  leave: "spaces.problem.standingChanged",
  acceptPolicy: "spaces.problem.policyChanged",
  decide: "spaces.problem.decisionConflict",
  invite: "spaces.problem.conflict",
  moderator: "spaces.problem.alreadyModerator",
  removeModerator: "spaces.problem.notModerator",
  vouch: "spaces.problem.vouchConflict",
  revokeVouch: "spaces.problem.revokeConflict",
};

export interface ActionProblem {
  /** Made when shown, so that it follows a change of language. */
  text: () => string;
  /** The page's data is out of date (409) or gone (404): load it again. */
  reload: boolean;
}

/**
 * A failed action, other than field errors (400, which forms show by their fields). 409 means that the
 * space or the firm changed in the meantime: the page reloads and the message says so.
 */
export function actionProblem(action: SpaceAction, error: unknown): ActionProblem {
  if (!(error instanceof ApiError)) return { text: () => describeRefusal(error), reload: false };
  switch (error.status) {
    case 401:
      return { text: () => t("spaces.problem.signedOut"), reload: false };
    case 403:
      return { text: () => t(forbidden(action)), reload: true };
    case 404:
      return { text: () => t("spaces.problem.notFound"), reload: true };
    case 409:
      return { text: () => t(conflict[action]), reload: true };
    default:
      return { text: () => describeRefusal(error), reload: false };
  }
}

/**
 * Why an invitation was refused (409), from the firm's standing once the admins' list has been reloaded.
 */
export function invitationConflict(firmName: string, status: MembershipStatus | null | undefined): string {
  switch (status) {
    case "Member":
    case "Suspended":
      return t("spaces.invite.alreadyMember", { firm: firmName });
    case "Invited":
      return t("spaces.invite.alreadyInvited", { firm: firmName });
    case "Applied":
      return t("spaces.invite.hasApplied", { firm: firmName });
    default:
      return t("spaces.problem.conflict");
  }
}
