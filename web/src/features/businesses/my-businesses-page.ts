// #/my — the businesses the signed-in user acts for, and the invitations made to their e-mail address.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { MyBusinessDto, MyInvitationDto } from "../../api/types";
import { describeRefusal } from "../../i18n/refusals";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { allows } from "../../api/viewer-actions";
import { myBusinessesChangedHere } from "../../realtime/hub";

export function myBusinessesPage(redraw: Redraw): Page {
  let mine: MyBusinessDto[] | null = null;
  let invitations: MyInvitationDto[] = [];
  let failed = false;
  let busy = false;
  /** Made when shown, so that it follows a change of language. */
  let status: { ok: boolean; text: () => string } | null = null;

  function load(): void {
    Promise.all([api.myBusinesses(), api.myInvitations()]).then(
      ([businesses, invited]) => {
        mine = businesses;
        invitations = invited;
        redraw();
      },
      () => {
        failed = true;
        redraw();
      },
    );
  }
  load();

  async function answer(invitation: MyInvitationDto, accept: boolean): Promise<void> {
    busy = true;
    status = null;
    redraw();
    const business = invitation.businessName;
    try {
      if (accept) {
        const joined = await api.acceptInvitation(invitation.businessId, invitation.id);
        myBusinessesChangedHere({ businessId: invitation.businessId, member: true });
        status = { ok: true, text: () => t("my.invitations.accepted", { business, role: t(`role.${joined.role}`) }) };
      } else {
        await api.declineInvitation(invitation.businessId, invitation.id);
        status = { ok: true, text: () => t("my.invitations.declined", { business }) };
      }
    } catch (error) {
      status = { ok: false, text: () => (error instanceof ApiError && error.status === 404 ? t("my.invitations.gone") : describeRefusal(error)) };
    } finally {
      busy = false;
      load();
    }
  }

  const invitationsView = () =>
    invitations.length === 0
      ? nothing
      : html`<section class="card" data-testid="my-invitations">
          <h2>${t("my.invitations.title")}</h2>
          <ul class="members">
            ${invitations.map(
              (i) => html`<li data-testid="my-invitation">
                <span>${t("my.invitations.item", { business: i.businessName, role: t(`role.${i.role}`) })}</span>
                <span class="actions">
                  <button class="primary" type="button" ?disabled=${busy} @click=${() => answer(i, true)} data-testid="accept-invitation">
                    ${t("my.invitations.accept")}
                  </button>
                  <button type="button" ?disabled=${busy} @click=${() => answer(i, false)} data-testid="decline-invitation">
                    ${t("my.invitations.decline")}
                  </button>
                </span>
              </li>`,
            )}
          </ul>
        </section>`;

  return {
    title: () => t("my.title"),
    view: () => html`
      <section>
        <div class="page-head">
          <h1>${t("my.title")}</h1>
          <a class="button primary" href=${href({ name: "newBusiness" })}>${t("nav.newBusiness")}</a>
        </div>
        ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="invitation-status">${status.text()}</p>` : nothing}
        ${failed ? nothing : invitationsView()}
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
                      ${allows(b.actions, "Edit")
                        ? html`<a href=${href({ name: "editBusiness", id: b.id })}>${t("business.edit")}</a>`
                        : ""}
                    </li>`,
                  )}
                </ul>`}
      </section>
    `,
  };
}
