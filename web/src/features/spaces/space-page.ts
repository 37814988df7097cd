// #/spaces/{id} — a collaboration space: overview, policy, the search over its members, the viewer's standing,
// and for its admins the admin area. Kept up to date over SignalR: the hub says *that* something changed, the page reloads it.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { MemberRole, SpaceDetailDto } from "../../api/types";
import { formatDateTime, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Page, Redraw } from "../../page";
import { combinedLiveState, onShowcaseChanged, watchSpace, watchSpaceAdmin, type LiveState } from "../../realtime/hub";
import { comuneNames, type ComuneName } from "../../reference/comuni";
import { href } from "../../router";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { currentUser } from "../auth/session";
import { canManage } from "../businesses/roles";
import { spaceShowcase } from "../showcase/space-showcase";
import { spaceTenders } from "../tenders/tender-lists";
import { adminArea } from "./admin-area";
import type { SpaceContext } from "./space-context";
import "./space-directory";
import { territoryView, visibilityBadge } from "./space-views";
import { canSeeMembers } from "./standing";
import { standingPanel } from "./standing-panel";
import { rememberStandings, trackFirms } from "./standing-notices";

export function spacePage(id: string, redraw: Redraw): Page {
  let detail: SpaceDetailDto | null = null;
  let failure: "notFound" | "error" | null = null;
  let roles: Map<string, MemberRole> = new Map();
  let hostEditor = false;
  let names: Map<string, ComuneName> | null | undefined = null;
  let spaceLive: LiveState = "connecting";
  let adminLive: LiveState | null = null;
  let unwatchAdmin: (() => void) | null = null;
  let disposed = false;
  /** The first load (the space and the viewer's roles) is done: the page is shown whole, never half. */
  let ready = false;

  const ctx: SpaceContext = {
    spaceId: id,
    detail: () => detail,
    accept(fresh) {
      // The action's answer is the newest space there is: a reload still on its way would be older.
      loadDetail.cancel();
      show(fresh);
      loadMembers();
      if (detail?.viewerIsAdmin) admin.load();
    },
    async reload() {
      loadDetail.cancel();
      await fetchDetail();
      loadMembers();
      if (detail?.viewerIsAdmin) admin.load();
    },
    redraw,
  };
  const panel = standingPanel(ctx);
  const admin = adminArea(ctx);
  /** Bumped whenever the members may have changed: the members' card searches again. */
  let membersRefresh = 0;
  const showcase = spaceShowcase(id, redraw);
  /** The tenders published in the space: public notices, like the tenders themselves. */
  const tenders = spaceTenders(id, redraw);

  function show(fresh: SpaceDetailDto): void {
    detail = fresh;
    failure = null;
    rememberStandings(id, fresh.viewerFirms);
    trackFirms(fresh.viewerFirms.map((f) => ({ id: f.firmId, name: f.firmName })));
    if (fresh.territoryComuni.length > 0 && names === null) {
      comuneNames().then(
        (loaded) => { names = loaded; redraw(); },
        () => { names = undefined; redraw(); },
      );
    }
    if (fresh.viewerIsAdmin && !unwatchAdmin && !disposed) {
      adminLive = "connecting";
      unwatchAdmin = watchSpaceAdmin(id, {
        changed: () => admin.load(),
        state: (state) => {
          adminLive = state;
          if (state === "connected") admin.load();
          redraw();
        },
      });
      admin.load();
    } else if (!fresh.viewerIsAdmin && unwatchAdmin) {
      // No longer an admin (a moderator removed): the admin area goes.
      unwatchAdmin();
      unwatchAdmin = null;
      adminLive = null;
    }
    redraw();
  }

  function failed(error: unknown): void {
    // A failed background refresh leaves the shown space alone.
    if (detail !== null) return;
    failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    redraw();
  }

  async function fetchDetail(): Promise<void> {
    try {
      show(await api.space(id));
    } catch (error) {
      failed(error);
    }
  }

  /**
   * Reloads on hub notices (SpaceChanged comes for the space's own changes and, to those who may see the
   * members, for a member's profile edit): only the answer to the latest request is shown. The members follow,
   * once it is known whether the viewer may see them (a firm just approved may).
   */
  const loadDetail = latestOnly(
    () => api.space(id),
    (fresh) => {
      show(fresh);
      loadMembers();
      // A member's profile edit can void the association's mark: the admins' lists and dashboard say so too.
      if (fresh.viewerIsAdmin) admin.load();
    },
    failed,
  );

  /** Searches the members only when the viewer may see them; otherwise says so without a refused request. */
  function loadMembers(): void {
    membersRefresh++;
    if (detail && !canSeeMembers(detail)) showcase.forbid();
    else showcase.load();
    redraw();
  }

  async function loadRoles(): Promise<void> {
    if (!currentUser()) return;
    try {
      const mine = await api.myBusinesses();
      roles = new Map(mine.map((b) => [b.id.toLowerCase(), b.role]));
      hostEditor = detail ? canManage(roles.get(detail.summary.hostId.toLowerCase()) ?? null) : false;
    } catch {
      roles = new Map(); // Without roles, the panel shows standings without actions.
    }
  }

  async function start(): Promise<void> {
    // Roles come with the first view, so that the standing panel never flashes "you cannot act".
    await Promise.all([fetchDetail(), loadRoles()]);
    if (detail) hostEditor = canManage(roles.get(detail.summary.hostId.toLowerCase()) ?? null);
    ready = true;
    loadMembers();
    tenders.load();
    redraw();
  }

  void start();
  // The notice's version is not compared with ours: a firm's standing can change while the space's own version
  // stays the same, so every notice means "reload".
  const unwatch = watchSpace(id, {
    changed: () => loadDetail(),
    state: (state) => {
      spaceLive = state;
      // Changes sent while we were not in the group are lost; fetch once we are (back) in it.
      if (state === "connected" && ready) {
        loadDetail();
        tenders.load();
      }
      redraw();
    },
  });

  // Sent to those who watch the space when a member's showcase project changes.
  const unlistenShowcase = onShowcaseChanged(() => {
    if (ready && (!detail || canSeeMembers(detail))) showcase.load();
  });

  const liveState = (): LiveState =>
    detail === null ? "connecting" : combinedLiveState(adminLive === null ? [spaceLive] : [spaceLive, adminLive]);

  const membersView = (d: SpaceDetailDto) =>
    html`<space-directory .spaceId=${id} .memberCount=${d.summary.memberCount} .forbidden=${!canSeeMembers(d)}
      .refresh=${membersRefresh}></space-directory>`;

  function guestView() {
    return html`<section class="card standing-panel guest" aria-labelledby="guest-title">
      <h2 id="guest-title">${t("standing.guestTitle")}</h2>
      <p>${t("standing.guest")}</p>
      <p class="actions">
        <a class="button primary" href=${href({ name: "login", next: location.hash })}>${t("nav.login")}</a>
        <a href=${href({ name: "register", next: location.hash })}>${t("nav.register")}</a>
      </p>
    </section>`;
  }

  function spaceView(d: SpaceDetailDto) {
    const s = d.summary;
    const live = liveState();
    return html`<article class="space">
      <p class="crumbs"><a href=${href({ name: "spaces" })}>${t("spaces.title")}</a></p>
      <header class="profile-head">
        <div>
          <p class="eyebrow">${t("space.kind")}</p>
          <h1 data-testid="space-name">${s.name}</h1>
          <p class="badges">
            ${visibilityBadge(s.visibility)}
            ${d.viewerIsAdmin ? html`<span class="badge admin" data-testid="space-admin-badge">${t("space.youAdmin")}</span>` : nothing}
          </p>
          <p class="muted host-line">${t("space.hostedBy")} <a href=${href({ name: "business", id: s.hostId })}>${s.hostName}</a>
            · ${tn("spaces.memberCount", s.memberCount)}</p>
        </div>
        <div class="head-tools">
          <span class="live" data-testid="space-live-status" data-state=${live} title=${t("space.liveHint")}>
            <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}
          </span>
          ${d.viewerIsAdmin
            ? html`<a class="button" data-testid="space-dashboard-link" href=${href({ name: "spaceDashboard", id })}>${t("dashboard.link")}</a>
                <a class="button" data-testid="space-settings-link" href=${href({ name: "editSpace", id })}>${t("space.settings")}</a>`
            : nothing}
        </div>
      </header>

      <div class="space-layout">
        <div class="space-side">
          ${!currentUser() ? guestView() : d.viewerIsAdmin && d.viewerFirms.length === 0 ? nothing : panel.view(d, roles)}
          ${d.viewerIsAdmin ? admin.sideView(d) : nothing}
        </div>
        <div class="space-main">
          <section class="card" aria-labelledby="space-about-title">
            <h2 id="space-about-title">${t("space.about")}</h2>
            <p class="description" data-testid="space-description">${s.description ?? html`<span class="muted">${t("business.notGiven")}</span>`}</p>
            <h3>${t("space.territory")}</h3>
            <div data-testid="space-territory">${territoryView(d.territoryProvinces, d.territoryComuni, names)}</div>
          </section>

          <section class="card" id="space-policy" aria-labelledby="space-policy-title">
            <div class="section-head">
              <h2 id="space-policy-title">${t("space.policy")}</h2>
              <span class="muted small" data-testid="space-policy-version" data-version=${d.policy.version}>
                ${t("space.policyMeta", { version: d.policy.version, when: formatDateTime(d.policy.publishedAt) })}</span>
            </div>
            <div class="policy-text" data-testid="space-policy" tabindex="0">${d.policy.text}</div>
          </section>

          ${tenders.view()}
        </div>
      </div>

      ${membersView(d)}

      ${showcase.view(roles, d.viewerIsAdmin)}

      ${d.viewerIsAdmin ? admin.view(d, hostEditor) : nothing}
    </article>`;
  }

  return {
    title: () => detail?.summary.name ?? t("space.title"),
    dispose: () => {
      disposed = true;
      unwatch();
      unwatchAdmin?.();
      unlistenShowcase();
      loadDetail.cancel();
      showcase.dispose();
      tenders.dispose();
      admin.dispose();
    },
    view: () =>
      failure === "notFound"
        ? notFoundView(t("spaces.notFound"))
        : failure === "error"
          ? loadErrorView()
          : detail && ready
            ? spaceView(detail)
            : loadingView(),
  };
}
