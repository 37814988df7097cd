// What a space's admin area and its side card share: the memberships and their history, the buyers' requests, the
// dashboard and the tab shown. Loaded again whenever the hub says the memberships changed, and after an admin's action.
import { api } from "../../api/client";
import type { MembershipEventDto, SpaceMembershipDto } from "../../api/types";
import { latestOnly } from "../../latest";
import { SharedState } from "../../shared-state";
import { spaceDashboard, type SpaceDashboardView } from "./dashboard-view";
import { spaceBuyers } from "./space-buyers";

export type AdminSection = "applications" | "members" | "invitations" | "policy" | "buyers" | "opportunities" | "reports" | "moderators" | "history";
export type AdminTab = "manage" | "dashboard";

/** How long an application that arrived live stays highlighted. */
const FRESH_MS = 2500;

export class SpaceAdminState extends SharedState {
  memberships: SpaceMembershipDto[] | null = null;
  history: MembershipEventDto[] | null = null;
  /** The first load failed (a failed background refresh keeps the lists shown). */
  failed = false;
  /** Applications that arrived since the previous load: highlighted for a moment. */
  fresh: ReadonlySet<string> = new Set();
  tab: AdminTab = "manage";
  /** Buyers' requests to publish here, approvals and mandates. */
  readonly buyers;
  /** Made when the Dashboard tab is first opened, so that its figures and charts are fetched only then. */
  dashboard: SpaceDashboardView | null = null;
  /** Applications seen before the latest reload; null before the first. */
  #seen: Set<string> | null = null;
  #freshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly spaceId: string) {
    super();
    this.buyers = spaceBuyers(spaceId, () => this.changed());
  }

  readonly #loadLists = latestOnly(
    () => Promise.all([api.spaceMemberships(this.spaceId), api.spaceHistory(this.spaceId)]),
    ([list, events]) => {
      const applied = list.filter((m) => m.status === "Applied").map((m) => m.firmId);
      const seen = this.#seen;
      const added = seen ? applied.filter((id) => !seen.has(id)) : [];
      if (added.length > 0) {
        this.fresh = new Set(added);
        clearTimeout(this.#freshTimer);
        this.#freshTimer = setTimeout(() => {
          this.fresh = new Set();
          this.changed();
        }, FRESH_MS);
      }
      this.#seen = new Set(applied);
      this.memberships = list;
      this.history = events;
      this.failed = false;
      this.changed();
    },
    () => {
      if (this.memberships === null) this.failed = true;
      this.changed();
    },
  );

  /** Loads the admins' lists again (on a hub notice, after an action). */
  load(): void {
    this.#loadLists();
    this.buyers.load();
    this.dashboard?.load();
  }

  showTab(next: AdminTab): void {
    this.tab = next;
    if (next === "dashboard" && !this.dashboard) {
      this.dashboard = spaceDashboard(this.spaceId, () => this.changed());
      this.dashboard.load();
    }
    if (next !== "dashboard") this.dashboard?.hide();
    this.changed();
  }

  /** Scrolls to a section of the Management tab, showing the tab first if another one is shown. */
  jump(section: AdminSection): void {
    const scroll = () => document.getElementById(`admin-${section}`)?.scrollIntoView({ behavior: "smooth", block: "start" });
    if (this.tab === "manage") return scroll();
    this.showTab("manage");
    // The sections are drawn in the microtasks that follow the change (the area, then each section): scroll after them.
    requestAnimationFrame(scroll);
  }

  dispose(): void {
    this.#loadLists.cancel();
    this.buyers.dispose();
    this.dashboard?.dispose();
    clearTimeout(this.#freshTimer);
  }
}
