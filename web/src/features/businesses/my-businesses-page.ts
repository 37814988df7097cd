// #/my — the businesses the signed-in user acts for.
import { html } from "lit-html";
import { api } from "../../api/client";
import type { MyBusinessDto } from "../../api/types";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { canManage } from "./roles";

export function myBusinessesPage(redraw: Redraw): Page {
  let mine: MyBusinessDto[] | null = null;
  let failed = false;

  api.myBusinesses().then(
    (list) => {
      mine = list;
      redraw();
    },
    () => {
      failed = true;
      redraw();
    },
  );

  return {
    title: () => t("my.title"),
    view: () => html`
      <section>
        <div class="page-head">
          <h1>${t("my.title")}</h1>
          <a class="button primary" href=${href({ name: "newBusiness" })}>${t("nav.newBusiness")}</a>
        </div>
        ${failed
          ? loadErrorView()
          : mine === null
            ? loadingView()
            : mine.length === 0
              ? html`<p class="empty">${t("my.empty")}</p>`
              : html`<ul class="directory">
                  ${mine.map(
                    (b) => html`<li class="card my-business" data-testid="my-business">
                      <span class="title-row">
                        <a class="name" href=${href({ name: "business", id: b.id })}>${b.name}</a>
                        <span class="badge kind-${b.kind.toLowerCase()}">${t(`kind.${b.kind}`)}</span>
                        <span class="badge role">${t(`role.${b.role}`)}</span>
                      </span>
                      ${canManage(b.role)
                        ? html`<a href=${href({ name: "editBusiness", id: b.id })}>${t("business.edit")}</a>`
                        : ""}
                    </li>`,
                  )}
                </ul>`}
      </section>
    `,
  };
}
