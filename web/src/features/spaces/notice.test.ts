import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLanguage, t } from "../../i18n";
import type { SpaceStandingChange } from "../../realtime/hub";
import { standingNotice } from "./notice";

const change = (status: SpaceStandingChange["status"], reason: string | null = null): SpaceStandingChange => ({
  spaceId: "s",
  spaceName: "Spazio Imprese Emilia",
  firmId: "f",
  status,
  reason,
  policyVersion: 2,
});

const text = (n: ReturnType<typeof standingNotice>) => t(n.key, n.params);

describe("standingNotice", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("tells an approval from an accepted invitation, a reinstatement and a policy acceptance", () => {
    expect(text(standingNotice(change("Member"), "Neri", "Applied", false))).toBe(
      "Domanda approvata: Neri è ora membro di «Spazio Imprese Emilia».",
    );
    expect(standingNotice(change("Member"), "Neri", "Invited", false).key).toBe("spaces.notice.joined");
    expect(standingNotice(change("Member"), "Neri", "Suspended", false).key).toBe("spaces.notice.reinstated");
    expect(standingNotice(change("Member"), "Neri", "Member", false).key).toBe("spaces.notice.policyAccepted");
    // Nothing seen before: all it can say is that the firm is a member.
    expect(standingNotice(change("Member"), "Neri", undefined, false).key).toBe("spaces.notice.member");
  });

  it("asks a member to accept a new policy version it has not accepted", () => {
    const notice = standingNotice(change("Member"), "Neri", "Member", true);
    expect(notice.tone).toBe("warn");
    expect(text(notice)).toBe(
      "«Spazio Imprese Emilia» ha pubblicato la versione 2 del regolamento: Neri deve leggerla e accettarla.",
    );
  });

  it("carries the admins' reason with a rejection, a suspension or a removal", () => {
    const rejected = standingNotice(change("Rejected", "Fuori zona."), "Neri", "Applied", undefined);
    expect(rejected).toMatchObject({ key: "spaces.notice.rejected", reason: "Fuori zona.", tone: "warn" });
    expect(standingNotice(change("Suspended", "x"), "Neri", "Member", false)).toMatchObject({ key: "spaces.notice.suspended", reason: "x" });
    expect(standingNotice(change("Removed", "y"), "Neri", "Member", false)).toMatchObject({ key: "spaces.notice.removed", reason: "y" });
  });

  it("tells colleagues about the firm's own steps", () => {
    expect(standingNotice(change("Applied"), "Neri", undefined, false)).toMatchObject({ key: "spaces.notice.applied", tone: "info" });
    expect(standingNotice(change("Withdrawn"), "Neri", "Applied", false).key).toBe("spaces.notice.withdrawn");
    expect(standingNotice(change("Declined"), "Neri", "Invited", false).key).toBe("spaces.notice.declined");
    expect(standingNotice(change("Left"), "Neri", "Member", false).key).toBe("spaces.notice.left");
    setLanguage("en");
    expect(text(standingNotice(change("Invited"), "Gallo", undefined, undefined))).toBe(
      "Gallo has been invited to “Spazio Imprese Emilia”: accept the policy to join.",
    );
    setLanguage("it");
  });
});
