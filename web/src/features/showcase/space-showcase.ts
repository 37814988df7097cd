// A space's showcase: the projects its member firms published (GET /api/spaces/{id}/showcase), private like its
// member directory. Its admins see the unverified ones too and verify, for the association, those every partner
// confirmed. The space page reloads it on ShowcaseChanged.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { MemberRole, ShowcaseDto } from "../../api/types";
import { t } from "../../i18n";
import { refusalText } from "../../i18n/refusals";
import { allows, blockersOf } from "../../api/viewer-actions";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { takesPart } from "./showcase";
import { currentUser } from "../auth/session";
import { projectView } from "./showcase-views";

type State = "loading" | "forbidden" | "error" | "ok";

export function spaceShowcase(spaceId: string, redraw: Redraw) {
  let state: State = "loading";
  let projects: ShowcaseDto[] = [];
  let busy = false;
  let status: { projectId: string; ok: boolean; text: () => string } | null = null;

  const load = latestOnly(
    () => api.spaceShowcase(spaceId),
    (list) => {
      projects = list;
      state = "ok";
      redraw();
    },
    (error) => {
      if (error instanceof ApiError && error.status === 403) state = "forbidden";
      else if (state !== "ok") state = "error"; // A failed refresh keeps the list shown.
      redraw();
    },
  );

  async function verify(project: ShowcaseDto): Promise<void> {
    busy = true;
    status = null;
    redraw();
    try {
      const fresh = await api.verifyShowcase(project.id, { spaceId, version: project.version });
      projects = projects.map((p) => (p.id === fresh.id ? fresh : p));
      status = { projectId: project.id, ok: true, text: () => t("showcase.verifiedDone") };
    } catch (error) {
      // Refused, it says why in the refusal's own words, and the list is asked again (the project may have changed).
      const refusal = error instanceof ApiError ? error : null;
      status = { projectId: project.id, ok: false, text: () => (refusal && refusalText(refusal.code, refusal.args)) ?? t("buyers.failed") };
      load();
    } finally {
      busy = false;
      redraw();
    }
  }

  /**
   * What an admin does with a project, as the server judges it (ShowcaseState.CheckVerify): verify it, or read why not
   * yet (e.g. a partner still to confirm). A verified project needs nothing more.
   */
  const adminActions = (p: ShowcaseDto) => {
    const blocker = blockersOf(p.actions, "Verify")[0];
    if (p.verified || (!allows(p.actions, "Verify") && !blocker)) return nothing;
    return html`<div class="actions">
          ${blocker
            ? html`<span class="muted small" data-testid="showcase-verify-blocked">${refusalText(blocker.code, blocker.args) ?? ""}</span>`
            : html`<button type="button" class="primary" data-testid="showcase-verify" ?disabled=${busy} @click=${() => verify(p)}>
                ${t("showcase.verify")}</button>`}
          ${status?.projectId === p.id
            ? html`<span class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="showcase-verify-status">${status.text()}</span>`
            : nothing}
        </div>`;
  };

  return {
    load: () => load(),
    /** The viewer may not see the members: say so without a refused request. */
    forbid(): void {
      load.cancel();
      state = "forbidden";
      projects = [];
    },
    view: (roles: ReadonlyMap<string, MemberRole>, admin: boolean) => html`<section class="card" data-testid="space-showcase" data-state=${state}
      aria-labelledby="space-showcase-title">
      <div class="section-head">
        <h2 id="space-showcase-title">${t("space.showcase")} ${state === "ok" ? html`<span class="count">${projects.length}</span>` : ""}</h2>
        <span class="muted small">${t("space.showcaseIntro")}</span>
      </div>
      ${state === "loading"
        ? loadingView()
        : state === "forbidden"
          ? html`<p class="muted">${t("space.showcaseForbidden")}</p>`
          : state === "error"
            ? loadErrorView()
            : projects.length === 0
              ? html`<p class="muted">${t("showcase.empty")}</p>`
              : html`<ul class="showcase-list">
                  ${projects.map((p) => projectView(p, {
                    showStates: admin || [...roles.keys()].some((firm) => takesPart(p, firm)),
                    actions: admin ? adminActions(p) : nothing,
                    reportable: currentUser() !== null,
                  }))}
                </ul>`}
    </section>`,
    dispose: () => load.cancel(),
  };
}
