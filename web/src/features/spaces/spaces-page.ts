// #/spaces — the collaboration spaces hosted by associations.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { SpaceSummaryDto } from "../../api/types";
import { t, tn } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { currentUser } from "../auth/session";
import { visibilityBadge } from "./space-views";

export function spacesPage(redraw: Redraw): Page {
  let spaces: SpaceSummaryDto[] | null = null;
  let failed = false;
  let canCreate = false;

  api.spaces().then(
    (list) => {
      spaces = list;
      redraw();
    },
    () => {
      failed = true;
      redraw();
    },
  );
  if (currentUser()) {
    // The associations the server lets the user create a space for (none: no create button).
    api.spaceHosts().then(
      (hosts) => {
        canCreate = hosts.length > 0;
        redraw();
      },
      () => undefined, // Without the list, no create button: the rest of the page still works.
    );
  }

  const item = (s: SpaceSummaryDto) => html`<li>
    <a class="card directory-item space-item" data-testid="space-item" data-space-id=${s.id} href=${href({ name: "space", id: s.id })}>
      <span class="title-row"><strong class="name">${s.name}</strong>${visibilityBadge(s.visibility)}</span>
      <span class="host">${t("spaces.hostedBy", { host: s.hostName })}</span>
      ${s.description ? html`<span class="summary">${s.description}</span>` : nothing}
      <span class="meta">
        <span>${tn("spaces.memberCount", s.memberCount)}</span>
        <span>${t("spaces.policyVersion", { version: s.policyVersion })}</span>
      </span>
    </a>
  </li>`;

  return {
    title: () => t("spaces.title"),
    view: () => html`
      <section>
        <div class="page-head">
          <h1>${t("spaces.title")}</h1>
          ${canCreate
            ? html`<a class="button primary" data-testid="space-create" href=${href({ name: "newSpace" })}>${t("spaces.create")}</a>`
            : nothing}
          <p class="muted">${t("spaces.intro")}</p>
        </div>
        ${failed
          ? loadErrorView()
          : spaces === null
            ? loadingView()
            : spaces.length === 0
              ? html`<p class="empty">${t("spaces.empty")}</p>`
              : html`<ul class="directory spaces">${spaces.map(item)}</ul>`}
      </section>
    `,
  };
}
