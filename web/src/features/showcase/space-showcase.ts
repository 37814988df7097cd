// A space's showcase: the projects its member firms published (GET /api/spaces/{id}/showcase), private like its
// member directory. The space page reloads it on ShowcaseChanged.
import { html } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { MemberRole, ShowcaseDto } from "../../api/types";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { takesPart } from "./showcase";
import { projectView } from "./showcase-views";

type State = "loading" | "forbidden" | "error" | "ok";

export function spaceShowcase(spaceId: string, redraw: Redraw) {
  let state: State = "loading";
  let projects: ShowcaseDto[] = [];

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

  return {
    load: () => load(),
    /** The viewer may not see the members: say so without a refused request. */
    forbid(): void {
      load.cancel();
      state = "forbidden";
      projects = [];
    },
    view: (roles: ReadonlyMap<string, MemberRole>) => html`<section class="card" data-testid="space-showcase" data-state=${state}
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
                  ${projects.map((p) => projectView(p, { showStates: [...roles.keys()].some((firm) => takesPart(p, firm)) }))}
                </ul>`}
    </section>`,
    dispose: () => load.cancel(),
  };
}
