// What the sections of a firm's page for its own people (its alliances, its relationship ledger) share: they show
// once the page knows the business is a firm and the viewer has a role in it (any role; the server answers 403 to
// anyone else), load then, and reload when the firm's team group brings a message of the kinds they follow, or
// when the group is (re)joined, since messages sent while out of it are lost.
import type { BusinessProfileDto, MemberRole } from "../../api/types";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { watchBusinessTeam, type TeamMessage } from "../../realtime/hub";

export type FeedState = "idle" | "loading" | "error" | "ok";

/** A firm's own sections are for its people, whatever their role. */
export const firmTeamShown = (kind: BusinessProfileDto["kind"] | null, role: MemberRole | null): boolean =>
  kind === "Firm" && role !== null;

export function firmTeamFeed<T>(
  businessId: string,
  fetch: () => Promise<T>,
  follows: readonly TeamMessage["type"][],
  redraw: Redraw,
) {
  let profile: Pick<BusinessProfileDto, "kind" | "name"> | null = null;
  let role: MemberRole | null = null;
  let state: FeedState = "idle";
  let value: T | null = null;
  let stopTeam: (() => void) | null = null;

  const load = latestOnly(
    fetch,
    (next) => {
      value = next;
      state = "ok";
      redraw();
    },
    () => {
      // A failed refresh keeps what is shown.
      if (state !== "ok") state = "error";
      redraw();
    },
  );

  const shown = (): boolean => firmTeamShown(profile?.kind ?? null, role);

  function reload(): void {
    if (!shown()) return;
    if (state === "idle") state = "loading";
    load();
  }

  function follow(): void {
    if (!shown() || stopTeam) return;
    stopTeam = watchBusinessTeam(businessId, {
      changed: (message) => follows.includes(message.type) && reload(),
      state: (next) => next === "connected" && reload(),
    });
  }

  return {
    shown,
    state: (): FeedState => state,
    value: (): T | null => value,
    profile: () => profile,
    role: () => role,
    setProfile(next: Pick<BusinessProfileDto, "kind" | "name">): void {
      const first = profile === null;
      profile = next;
      if (first) {
        reload();
        follow();
      }
    },
    setRole(next: MemberRole | null): void {
      role = next;
      reload();
      follow();
      redraw();
    },
    reload,
    dispose(): void {
      load.cancel();
      stopTeam?.();
    },
  };
}
