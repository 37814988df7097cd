// Which notice a firm's people get when its standing in a space changes (see standing-notices.ts).
import type { MembershipStatus } from "../../api/types";
import type { MessageKey } from "../../i18n";
import type { SpaceStandingChange } from "../../realtime/hub";

export type NoticeTone = "ok" | "warn" | "info";

export interface StandingNotice {
  key: MessageKey;
  params: Record<string, string | number>;
  /** The admins' reason, shown under the text, when they gave one. */
  reason: string | null;
  tone: NoticeTone;
}

/**
 * The notice for a standing change. `previous` is the standing last seen (unknown: undefined) and `policyPending`
 * whether the firm has yet to accept the policy in force, as the space reloaded after the message says (unknown: undefined).
 */
export function standingNotice(
  change: SpaceStandingChange,
  firmName: string,
  previous: MembershipStatus | null | undefined,
  policyPending: boolean | undefined,
): StandingNotice {
  const params = { firm: firmName, space: change.spaceName, version: change.policyVersion };
  const notice = (key: MessageKey, tone: NoticeTone): StandingNotice => ({ key, params, reason: change.reason, tone });
  switch (change.status) {
    case "Member":
      if (policyPending) return notice("spaces.notice.policyPending", "warn");
      if (previous === "Member") return notice("spaces.notice.policyAccepted", "ok");
      if (previous === "Applied") return notice("spaces.notice.approved", "ok");
      if (previous === "Suspended") return notice("spaces.notice.reinstated", "ok");
      if (previous === "Invited") return notice("spaces.notice.joined", "ok");
      return notice("spaces.notice.member", "ok");
    case "Applied":
      return notice("spaces.notice.applied", "info");
    case "Invited":
      return notice("spaces.notice.invited", "info");
    case "Rejected":
      return notice("spaces.notice.rejected", "warn");
    case "Withdrawn":
      return notice("spaces.notice.withdrawn", "info");
    case "Declined":
      return notice("spaces.notice.declined", "info");
    case "Suspended":
      return notice("spaces.notice.suspended", "warn");
    case "Removed":
      return notice("spaces.notice.removed", "warn");
    case "Left":
      return notice("spaces.notice.left", "info");
  }
}
