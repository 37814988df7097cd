// The workspace's code is loaded only for an alliance that has one (formed for a tender, opened by the people of
// its active firms): most pages never need it. Until it is here, the last presence and live state heard are kept
// for it (the hub announces the viewer's own arrival as soon as the page joins the alliance's group).
import { html, nothing } from "lit-html";
import type { AllianceDto } from "../../api/types";
import type { JointBidActionsChange, JointBidChange, LiveState, PresenceChange } from "../../realtime/hub";
import { loadErrorView, loadingView } from "../../views";
import type { AllianceContext } from "../alliances/alliance-context";
import { canWatch } from "../alliances/alliance-rules";

type Section = ReturnType<typeof import("./joint-bid-section").jointBidSection>;

export type Workspace = Omit<Section, "dispose"> & { dispose(): void; wanted(alliance: AllianceDto): boolean };

const wanted = (alliance: AllianceDto): boolean => alliance.tender !== null && canWatch(alliance);

export function workspaceLoader(ctx: AllianceContext): Workspace {
  let section: Section | null = null;
  let loading = false;
  let failed = false;
  let disposed = false;
  let alliance: AllianceDto | null = null;
  let presence: PresenceChange | null = null;
  let live: LiveState | null = null;

  function load(): void {
    if (loading || disposed) return;
    loading = true;
    failed = false;
    import("./joint-bid-section").then(
      ({ jointBidSection }) => {
        if (disposed) return;
        section = jointBidSection(ctx);
        if (live !== null) section.liveState(live);
        if (alliance !== null) section.follow(alliance);
        if (presence !== null) section.presenceChanged(presence);
        ctx.redraw();
      },
      () => {
        loading = false;
        failed = true;
        ctx.redraw();
      },
    );
  }

  function waiting(shown: AllianceDto) {
    if (!wanted(shown)) return nothing;
    return html`<section class="joint-bid" aria-busy="true">
      <div class="card">${failed ? loadErrorView() : loadingView()}</div>
    </section>`;
  }

  return {
    /** Whether the alliance has a workspace for the viewer (formed for a tender, and their firm active in it). */
    wanted: (shown: AllianceDto) => wanted(shown),
    follow(fresh) {
      alliance = fresh;
      if (section) section.follow(fresh);
      else if (wanted(fresh)) load();
    },
    // Before the section is here there is nothing to reload: its first load fetches the joint bid anyway.
    jointBidChanged: (change: JointBidChange) => section?.jointBidChanged(change),
    jointBidActionsChanged: (change: JointBidActionsChange) => section?.jointBidActionsChanged(change),
    allianceHeard: (allianceId: string) => section?.allianceHeard(allianceId),
    presenceChanged(change) {
      presence = change;
      section?.presenceChanged(change);
    },
    liveState(state) {
      live = state;
      section?.liveState(state);
    },
    stop() {
      alliance = null;
      presence = null;
      section?.stop();
    },
    dispose() {
      disposed = true;
      section?.dispose();
    },
    bidView: (shown) => (section ? section.bidView(shown) : waiting(shown)),
    papersView: (shown) => (section ? section.papersView(shown) : waiting(shown)),
    partnersView: (shown) => (section ? section.partnersView(shown) : waiting(shown)),
  };
}
