// #/spaces/{id}[/tab] — a collaboration space in tabs: about (overview, policy, the viewer's standing), its tenders,
// its member firms (the search over them, the showcase), for its members and admins the notice board, and for its
// admins the admin area. Kept up to date over
// SignalR: the hub says *that* something changed (the space, a member's showcase, one of its tenders), the page reloads it.
import { html, nothing, type PropertyValues } from "lit";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import { allows } from "../../api/viewer-actions";
import type { MemberRole, SpaceDetailDto } from "../../api/types";
import { formatDateTime, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import { Follow } from "../../shared-state";
import type { Page, Redraw } from "../../page";
import { combinedLiveState, onShowcaseChanged, onTenderChanged, watchSpace, watchSpaceAdmin, type LiveState } from "../../realtime/hub";
import { comuneNames, type ComuneName } from "../../reference/comuni";
import { href, showTabAddress, type SpaceTab } from "../../router";
import { shownTab, tabPanel, tabsView, type TabSpec } from "../../tabs";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { currentUser } from "../auth/session";
import { spaceShowcase } from "../showcase/space-showcase";
import { spaceTenders } from "../tenders/tender-lists";
import "../board/space-board";
import "./admin-area";
import "./propose-opportunities";
import "./space-announcements";
import { SpaceAdminState } from "./admin-state";
import "./admin-summary";
import type { SpaceContext } from "./space-context";
import "./space-directory";
import { territoryView, visibilityBadge } from "./space-views";
import { standingPanel } from "./standing-panel";
import { rememberStandings, trackFirms } from "./standing-notices";

/**
 * `<space-page>`: the space `spaceId` for the viewer. It loads the space and the viewer's roles, follows the hub's
 * notices for the space (and, for its admins, for its memberships), and keeps what it shows as reactive state.
 */
export class SpacePage extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    detail: { state: true },
    failure: { state: true },
    roles: { state: true },
    names: { state: true },
    spaceLive: { state: true },
    adminLive: { state: true },
    ready: { state: true },
    membersRefresh: { state: true },
    tab: { state: true },
  };

  declare spaceId: string;
  /** Called when the space's name (the page's title) may have changed. */
  onTitle: () => void = () => undefined;
  private declare detail: SpaceDetailDto | null;
  private declare failure: "notFound" | "error" | null;
  private declare roles: Map<string, MemberRole>;
  /** The territory's comuni by code: null while loading, undefined if they could not be loaded. */
  private declare names: Map<string, ComuneName> | null | undefined;
  private declare spaceLive: LiveState;
  private declare adminLive: LiveState | null;
  /** The first load (the space and the viewer's roles) is done: the page is shown whole, never half. */
  private declare ready: boolean;
  /** Bumped whenever the members may have changed: the members' card searches again. */
  private declare membersRefresh: number;
  /** The tab the address names; shown when the viewer has it, else the space's about tab. */
  declare tab: SpaceTab | undefined;
  /** The board's post the address opens (an e-mail's link to it), if any. */
  openPost: string | undefined = undefined;

  /** For the admins: their lists, made when the viewer is first seen to be one. */
  #admin: SpaceAdminState | null = null;
  /** What the parts of the page share: the space, and how to take an action's answer or reload it. */
  #ctx!: SpaceContext;
  #unwatchAdmin: (() => void) | null = null;
  #stop: (() => void) | null = null;
  // The parts of the page that are not components yet (other features'); they ask this element to render again.
  #panel!: ReturnType<typeof standingPanel>;
  #showcase!: ReturnType<typeof spaceShowcase>;
  /** The tenders published in the space: public notices, like the tenders themselves. */
  #tenders!: ReturnType<typeof spaceTenders>;

  constructor() {
    super();
    this.spaceId = "";
    this.detail = null;
    this.failure = null;
    this.roles = new Map();
    this.names = null;
    this.spaceLive = "connecting";
    this.adminLive = null;
    this.ready = false;
    this.membersRefresh = 0;
    this.tab = undefined;
    // The admin tab counts the applications waiting, as the admins' lists say.
    new Follow(this, () => this.#admin);
  }

  get spaceName(): string | null {
    return this.detail?.summary.name ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const id = this.spaceId;
    const render: Redraw = () => this.requestUpdate();
    this.#ctx = {
      spaceId: id,
      detail: () => this.detail,
      accept: (fresh) => {
        // The action's answer is the newest space there is: a reload still on its way would be older.
        this.#loadDetail.cancel();
        this.#show(fresh);
        this.#reloadLists();
      },
      reload: async () => {
        this.#loadDetail.cancel();
        await this.#fetchDetail();
        this.#reloadLists();
      },
      redraw: render,
    };
    this.#panel = standingPanel(this.#ctx);
    this.#showcase = spaceShowcase(id, render);
    this.#tenders = spaceTenders(id, render);
    void this.#start();
    // The notice's version is not compared with ours: a firm's standing can change while the space's own version
    // stays the same, so every notice means "reload".
    const unwatch = watchSpace(id, {
      changed: () => this.#loadDetail(),
      state: (state) => {
        this.spaceLive = state;
        // Changes sent while we were not in the group are lost; fetch once we are (back) in it.
        if (state === "connected" && this.ready) {
          this.#loadDetail();
          this.#tenders.load();
        }
      },
    });
    // Sent to those who watch the space when a member's showcase project changes.
    const unlistenShowcase = onShowcaseChanged(() => {
      if (this.ready && (!this.detail || this.detail.viewerSeesMembers)) this.#showcase.load();
    });
    // Sent to those who watch the space when one of its tenders is published, amended, closed or decided.
    const unlistenTenders = onTenderChanged(() => {
      if (this.ready) this.#tenders.load();
    });
    this.#stop = () => {
      unwatch();
      unlistenShowcase();
      unlistenTenders();
      this.#unwatchAdmin?.();
      this.#unwatchAdmin = null;
      this.#loadDetail.cancel();
      this.#showcase.dispose();
      this.#tenders.dispose();
      this.#admin?.dispose();
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has("detail" as keyof SpacePage)) this.onTitle();
  }

  #show(fresh: SpaceDetailDto): void {
    const id = this.spaceId;
    this.detail = fresh;
    this.failure = null;
    rememberStandings(id, fresh.viewerFirms);
    trackFirms(fresh.viewerFirms.map((f) => ({ id: f.firmId, name: f.firmName })));
    if (fresh.territoryComuni.length > 0 && this.names === null) {
      comuneNames().then(
        (loaded) => (this.names = loaded),
        () => (this.names = undefined),
      );
    }
    if (fresh.viewerIsAdmin && !this.#unwatchAdmin && this.#stop) {
      const admin = (this.#admin ??= new SpaceAdminState(id));
      this.adminLive = "connecting";
      this.#unwatchAdmin = watchSpaceAdmin(id, {
        changed: () => admin.load(),
        state: (state) => {
          this.adminLive = state;
          if (state === "connected") admin.load();
        },
      });
      admin.load();
    } else if (!fresh.viewerIsAdmin && this.#unwatchAdmin) {
      // No longer an admin (a moderator removed): the admin area goes.
      this.#unwatchAdmin();
      this.#unwatchAdmin = null;
      this.adminLive = null;
    }
  }

  #failed(error: unknown): void {
    // A failed background refresh leaves the shown space alone.
    if (this.detail !== null) return;
    this.failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
  }

  async #fetchDetail(): Promise<void> {
    try {
      this.#show(await api.space(this.spaceId));
    } catch (error) {
      this.#failed(error);
    }
  }

  /**
   * Reloads on hub notices (SpaceChanged comes for the space's own changes and, to those who may see the
   * members, for a member's profile edit): only the answer to the latest request is shown. The members follow,
   * once it is known whether the viewer may see them (a firm just approved may).
   */
  readonly #loadDetail = latestOnly(
    () => api.space(this.spaceId),
    (fresh) => {
      this.#show(fresh);
      // A member's profile edit can void the association's mark: the admins' lists and dashboard say so too.
      this.#reloadLists();
    },
    (error) => this.#failed(error),
  );

  /** After the space changed: the members, and the admins' lists. */
  #reloadLists(): void {
    this.#loadMembers();
    if (this.detail?.viewerIsAdmin) this.#admin?.load();
  }

  /** Searches the members only when the viewer may see them; otherwise says so without a refused request. */
  #loadMembers(): void {
    this.membersRefresh++;
    if (this.detail && !this.detail.viewerSeesMembers) this.#showcase.forbid();
    else this.#showcase.load();
  }

  async #loadRoles(): Promise<void> {
    if (!currentUser()) return;
    try {
      const mine = await api.myBusinesses();
      this.roles = new Map(mine.map((b) => [b.id.toLowerCase(), b.role]));
    } catch {
      this.roles = new Map(); // Without roles, the page shows no showcase tools.
    }
  }

  async #start(): Promise<void> {
    // Roles come with the first view, so that the showcase's tools never pop in late.
    await Promise.all([this.#fetchDetail(), this.#loadRoles()]);
    this.ready = true;
    this.#loadMembers();
    this.#tenders.load();
  }

  #liveState(): LiveState {
    return this.detail === null
      ? "connecting"
      : combinedLiveState(this.adminLive === null ? [this.spaceLive] : [this.spaceLive, this.adminLive]);
  }

  #select(next: SpaceTab): void {
    this.tab = next;
    showTabAddress({ name: "space", id: this.spaceId, tab: next });
  }

  #guestView() {
    return html`<section class="card standing-panel guest" aria-labelledby="guest-title">
      <h2 id="guest-title">${t("standing.guestTitle")}</h2>
      <p>${t("standing.guest")}</p>
      <p class="actions">
        <a class="button primary" href=${href({ name: "login", next: location.hash })}>${t("nav.login")}</a>
        <a href=${href({ name: "register", next: location.hash })}>${t("nav.register")}</a>
      </p>
    </section>`;
  }

  #spaceView(d: SpaceDetailDto) {
    const id = this.spaceId;
    const s = d.summary;
    const live = this.#liveState();
    const admin = d.viewerIsAdmin ? this.#admin : null;
    const tabs: TabSpec<SpaceTab>[] = [
      { id: "about", label: t("space.tab.about") },
      { id: "tenders", label: t("space.tab.tenders") },
      { id: "members", label: t("space.tab.members") },
      ...(d.viewerSeesBoard ? [{ id: "board" as const, label: t("board.title") }] : []),
      ...(admin ? [{ id: "admin" as const, label: t("space.tab.admin"), count: admin.memberships?.filter((m) => m.status === "Applied").length }] : []),
    ];
    const selected = shownTab(tabs.map((tab) => tab.id), this.tab);
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
            ? html`<a class="button" data-testid="space-dashboard-link" href=${href({ name: "spaceDashboard", id })}>${t("dashboard.link")}</a>`
            : nothing}
          ${allows(d.actions, "EditSettings")
            ? html`<a class="button" data-testid="space-settings-link" href=${href({ name: "editSpace", id })}>${t("space.settings")}</a>`
            : nothing}
        </div>
      </header>

      <div class="page-tabs">${tabsView("space", t("space.tabs"), tabs, selected, (next) => this.#select(next))}</div>
      ${tabPanel("space", "about", selected, html`<div class="space-layout">
        <div class="space-side">
          ${!currentUser() ? this.#guestView() : d.viewerIsAdmin && d.viewerFirms.length === 0 ? nothing : this.#panel.view(d)}
        </div>
        <div class="space-main">
          ${d.viewerSeesBoard /* the announcements speak to the board's audience: the admins and the member firms' people */
            ? html`<space-announcements .spaceId=${id}></space-announcements>`
            : nothing}
          <section class="card" aria-labelledby="space-about-title">
            <h2 id="space-about-title">${t("space.about")}</h2>
            <p class="description" data-testid="space-description">${s.description ?? html`<span class="muted">${t("business.notGiven")}</span>`}</p>
            <h3>${t("space.territory")}</h3>
            <div data-testid="space-territory">${territoryView(d.territoryProvinces, d.territoryComuni, this.names)}</div>
          </section>

          <section class="card" id="space-policy" aria-labelledby="space-policy-title">
            <div class="section-head">
              <h2 id="space-policy-title">${t("space.policy")}</h2>
              <span class="muted small" data-testid="space-policy-version" data-version=${d.policy.version}>
                ${t("space.policyMeta", { version: d.policy.version, when: formatDateTime(d.policy.publishedAt) })}</span>
            </div>
            <div class="policy-text" data-testid="space-policy" tabindex="0">${d.policy.text}</div>
          </section>
        </div>
      </div>`)}
      ${tabPanel("space", "tenders", selected, html`${this.#tenders.view()}${this.#proposeView(d)}`)}
      ${tabPanel("space", "members", selected, html`<space-directory .spaceId=${id} .memberCount=${d.summary.memberCount}
          .forbidden=${!d.viewerSeesMembers} .refresh=${this.membersRefresh}></space-directory>
        ${this.#showcase.view(this.roles, d.viewerIsAdmin)}`)}
      ${d.viewerSeesBoard ? tabPanel("space", "board", selected, html`<space-board .spaceId=${id} .openPost=${this.openPost}></space-board>`) : nothing}
      ${admin
        ? tabPanel("space", "admin", selected, html`<space-admin-summary .admin=${admin} .detail=${d}></space-admin-summary>
            <space-admin .ctx=${this.#ctx} .admin=${admin} .detail=${d}></space-admin>`)
        : nothing}
    </article>`;
  }

  /** For the Owners and Managers of member firms: propose a tender published elsewhere to the admins. */
  #proposeView(d: SpaceDetailDto) {
    const firms = d.viewerFirms.filter((f) => f.status === "Member" && f.actsFor);
    return firms.length ? html`<propose-opportunities .spaceId=${d.summary.id} .firms=${firms}></propose-opportunities>` : nothing;
  }

  protected override render() {
    return this.failure === "notFound"
      ? notFoundView(t("spaces.notFound"))
      : this.failure === "error"
        ? loadErrorView()
        : this.detail && this.ready
          ? this.#spaceView(this.detail)
          : loadingView();
  }
}

customElements.define("space-page", SpacePage);

declare global {
  interface HTMLElementTagNameMap {
    "space-page": SpacePage;
  }
}

/** The route's page: the space's element, made once for this visit; the title follows the space's name. */
export function spacePage(id: string, tab: SpaceTab | undefined, redraw: Redraw, post?: string): Page {
  const element = document.createElement("space-page");
  element.spaceId = id;
  element.tab = tab;
  element.openPost = post;
  element.onTitle = redraw;
  return {
    title: () => element.spaceName ?? t("space.title"),
    view: () => html`${element}`,
  };
}
