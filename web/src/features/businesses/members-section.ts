// The members of a business, shown to its members; Owners and Managers can add people by e-mail.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError, messagesFor, otherMessages } from "../../api/problem";
import type { BusinessMemberDto, MemberRole } from "../../api/types";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { canManage } from "./roles";
import { loadErrorView, loadingView } from "../../views";

/** Roles one can give when adding a member; a business has one Owner, its creator. */
const invitable: readonly MemberRole[] = ["Viewer", "Manager"];

export function membersSection(businessId: string, role: MemberRole, redraw: Redraw) {
  let members: BusinessMemberDto[] | null = null;
  let loadFailed = false;
  let errors: Record<string, string[]> = {};
  let status: { ok: boolean; text: string } | null = null;
  let busy = false;

  api.members(businessId).then(
    (list) => {
      members = list;
      redraw();
    },
    () => {
      loadFailed = true;
      redraw();
    },
  );

  async function invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const memberRole = String(data.get("role")) as MemberRole;
    busy = true;
    errors = {};
    status = null;
    redraw();
    try {
      const added = await api.addMember(businessId, { email, role: memberRole });
      members = [...(members ?? []), added];
      status = { ok: true, text: t("members.added", { email: added.email }) };
      form.reset();
    } catch (error) {
      if (!(error instanceof ApiError)) status = { ok: false, text: t("error.network") };
      else if (error.status === 400) {
        errors = error.errors;
        const other = otherMessages(errors, ["email", "role"]);
        status = { ok: false, text: other.length ? other.join(" ") : t("form.invalid") };
      } else if (error.status === 409) status = { ok: false, text: t("members.alreadyMember") };
      else if (error.status === 403) status = { ok: false, text: t("members.forbidden") };
      else status = { ok: false, text: error.detail ?? error.title };
    } finally {
      busy = false;
      redraw();
    }
  }

  const fieldError = (field: string) => {
    const messages = messagesFor(errors, field);
    return messages.length ? html`<p class="field-error" data-testid="form-error-${field}">${messages.join(" ")}</p>` : nothing;
  };

  return {
    view: () => html`
      <section class="card" data-testid="members-section">
        <h2>${t("members.title")}</h2>
        ${loadFailed
          ? loadErrorView()
          : members === null
            ? loadingView()
            : html`<ul class="members">
                ${members.map(
                  (m) => html`<li data-testid="member-item"><span>${m.email}</span>
                    <span class="badge role">${t(`role.${m.role}`)}</span></li>`,
                )}
              </ul>`}
        ${canManage(role)
          ? html`<form class="invite" @submit=${invite} novalidate>
              <h3>${t("members.inviteTitle")}</h3>
              <div class="row">
                <label class="field grow">
                  <span>${t("members.email")}</span>
                  <input name="email" type="email" required data-testid="invite-email" />
                  ${fieldError("email")}
                </label>
                <label class="field">
                  <span>${t("members.role")}</span>
                  <select name="role" data-testid="invite-role">
                    ${invitable.map((r) => html`<option value=${r}>${t(`role.${r}`)}</option>`)}
                  </select>
                  ${fieldError("role")}
                </label>
                <button class="primary" type="submit" ?disabled=${busy} data-testid="invite-submit">${t("members.invite")}</button>
              </div>
              <p class="status ${status?.ok ? "ok" : "error"}" role="status" data-testid="invite-status">${status?.text ?? ""}</p>
            </form>`
          : nothing}
      </section>
    `,
  };
}
