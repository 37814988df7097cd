// #/spaces/{id}/dashboard — the space dashboard on a page of its own, for the space's admins; live.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { SpaceDetailDto } from "../../api/types";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { watchSpace, watchSpaceAdmin, type LiveState } from "../../realtime/hub";
import { href } from "../../router";
import { loadErrorView, loadingView, notFoundView } from "../../views";
import { spaceDashboard } from "./dashboard-view";

export function dashboardPage(id: string, redraw: Redraw): Page {
  let detail: SpaceDetailDto | null = null;
  let failure: "notFound" | "error" | null = null;
  let live: LiveState = "connecting";
  const dashboard = spaceDashboard(id, redraw);

  async function loadDetail(): Promise<void> {
    try {
      detail = await api.space(id);
      failure = null;
    } catch (error) {
      if (detail === null) failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    }
    redraw();
  }

  void loadDetail();
  dashboard.load();
  // Only admins may join the group: for anyone else the state is "disconnected" and the dashboard says why.
  const unwatch = watchSpaceAdmin(id, {
    changed: () => {
      dashboard.load();
      void loadDetail();
    },
    state: (state) => {
      live = state;
      // Changes made while we were not in the group are lost: fetch once we are (back) in it.
      if (state === "connected") dashboard.load();
      redraw();
    },
  });

  // A member's profile edit (which can void the association's mark) comes as SpaceChanged, not as a membership change.
  const unwatchSpace = watchSpace(id, { changed: () => dashboard.load(), state: () => undefined });

  function pageView(d: SpaceDetailDto) {
    const admin = d.viewerIsAdmin;
    return html`<article class="space dashboard-page">
      <p class="crumbs"><a href=${href({ name: "space", id })}>${d.summary.name}</a></p>
      <header class="profile-head">
        <div>
          <p class="eyebrow">${t("dashboard.eyebrow")}</p>
          <h1>${d.summary.name}</h1>
          <p class="muted host-line">${t("dashboard.intro")}</p>
        </div>
        ${admin
          ? html`<div class="head-tools">
              <span class="live" data-testid="dashboard-live-status" data-state=${live} title=${t("dashboard.liveHint")}>
                <span class="dot" aria-hidden="true"></span>${t(`live.${live}`)}
              </span>
            </div>`
          : nothing}
      </header>
      ${dashboard.view({ territory: d.territoryProvinces })}
    </article>`;
  }

  return {
    title: () => (detail ? t("dashboard.pageTitle", { space: detail.summary.name }) : t("dashboard.title")),
    dispose: () => {
      unwatch();
      unwatchSpace();
      dashboard.dispose();
    },
    view: () =>
      failure === "notFound"
        ? notFoundView(t("spaces.notFound"))
        : failure === "error"
          ? loadErrorView()
          : detail
            ? pageView(detail)
            : loadingView(),
  };
}
