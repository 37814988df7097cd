// The members of a business, shown to those the business shows them to. Those it lets invite invite people by e-mail
// (the person joins by accepting); those it shows its pending invitations see them and can take them back.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BusinessAction, BusinessInvitationDto, BusinessMemberDto, InviteMemberRequest, MemberRole } from "../../api/types";
import { allows, blockersOf, type ViewerActions } from "../../api/viewer-actions";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal, refusalText } from "../../i18n/refusals";
import { confirmDialog } from "../../confirm-dialog";

/** Roles one can invite to; a business has one Owner, its creator. */
const invitable: readonly MemberRole[] = ["Viewer", "Manager"];

/** `actions`: what the viewer may do with the business now, as its page last read it. */
export function membersSection(businessId: string, actions: () => ViewerActions<BusinessAction>, redraw: Redraw) {
  let members: BusinessMemberDto[] | null = null;
  let loadFailed = false;
  let errors: FieldErrors = {};
  let pending: BusinessInvitationDto[] = [];
  let sent: InviteMemberRequest | undefined;
  /** The text is made when shown, so that it follows a change of language. */
  let status: { ok: boolean; text: () => string } | null = null;
  let busy = false;
  /** What the last removal from the team did, shown under the team. */
  let teamStatus: { ok: boolean; text: () => string } | null = null;
  const confirm = confirmDialog(redraw);

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
  if (allows(actions(), "SeeInvitations"))
    api.invitations(businessId).then(
      (list) => {
        pending = list;
        redraw();
      },
      () => {
        loadFailed = true;
        redraw();
      },
    );

  /** Removing someone cannot be taken back (they need a new invitation), so it is asked once more. */
  async function remove(member: BusinessMemberDto): Promise<void> {
    const sure = await confirm.ask(() => ({
      title: t("members.removeTitle", { name: member.name }),
      body: t("members.removeBody"),
      confirm: t("members.remove"),
    }));
    if (!sure) return;
    busy = true;
    teamStatus = null;
    redraw();
    try {
      members = await api.removeMember(businessId, member.userId);
      teamStatus = { ok: true, text: () => t("members.removed", { name: member.name }) };
    } catch (error) {
      teamStatus = { ok: false, text: () => describeRefusal(error) };
    } finally {
      busy = false;
      redraw();
    }
  }

  async function revoke(invitation: BusinessInvitationDto): Promise<void> {
    busy = true;
    status = null;
    redraw();
    try {
      pending = await api.revokeInvitation(businessId, invitation.id);
      status = { ok: true, text: () => t("members.revoked", { email: invitation.email }) };
    } catch (error) {
      status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      busy = false;
      redraw();
    }
  }

  async function invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const memberRole = String(data.get("role")) as MemberRole;
    busy = true;
    errors = {};
    status = null;
    sent = { email, role: memberRole };
    redraw();
    try {
      const invited = await api.inviteMember(businessId, sent);
      // Inviting an address invited already sends its invitation again: it stays one row.
      pending = [...pending.filter((p) => p.id !== invited.id), invited];
      status = { ok: true, text: () => t("members.invited", { email: invited.email, role: t(`role.${invited.role}`) }) };
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        status = {
          ok: false,
          text: () => {
            const other = otherFieldMessages(errors, ["email", "role"]);
            return other.length ? other.join(" ") : t("form.invalid");
          },
        };
      } else if (error instanceof ApiError && error.status === 403) status = { ok: false, text: () => t("members.forbidden") };
      else status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      busy = false;
      redraw();
    }
  }

  /** Why the viewer, who may invite, cannot now (too many invitations pending), as a refused invitation would say. */
  const inviteBlocked = () =>
    blockersOf(actions(), "Invite").map(
      (b) => html`<p class="muted small" data-testid="invite-blocked">${refusalText(b.code, b.args) ?? b.code}</p>`,
    );

  const messages = (field: "email" | "role") => fieldMessages(errors, field);
  const fieldError = (field: "email" | "role") => fieldErrorView(field, messages(field), `invite-error-${field}`);
  const invalid = (field: "email" | "role") => (messages(field).length ? "true" : "false");
  const describedBy = (field: "email" | "role") => (messages(field).length ? `invite-error-${field}` : undefined);

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
                  (m) => html`<li data-testid="member-item"><span class="person"><span class="person-name" data-testid="member-name">${m.name}</span>
                    <span class="person-email muted small" data-testid="member-email">${m.email}</span></span>
                    <span class="badge role">${t(`role.${m.role}`)}</span>
                    ${allows(m.actions, "Remove")
                      ? html`<button type="button" class="link" ?disabled=${busy} @click=${() => remove(m)} data-testid="remove-member">
                          ${t("members.remove")}</button>`
                      : nothing}</li>`,
                )}
              </ul>`}
        ${teamStatus
          ? html`<p class="status ${teamStatus.ok ? "ok" : "error"}" role="status" data-testid="members-status">${teamStatus.text()}</p>`
          : nothing}
        ${confirm.view()}
        ${allows(actions(), "SeeInvitations") && pending.length
          ? html`<h3>${t("members.pendingTitle")}</h3>
              <ul class="members" data-testid="pending-invitations">
                ${pending.map(
                  (i) => html`<li data-testid="pending-invitation"><span class="person"><span class="person-name">${i.email}</span>
                    <span class="muted small" data-testid="invited-by">${t("members.invitedBy", { name: i.invitedByName })}</span></span>
                    <span class="badge role">${t(`role.${i.role}`)}</span>
                    <button type="button" class="link" ?disabled=${busy} @click=${() => revoke(i)} data-testid="revoke-invitation">
                      ${t("members.revoke")}
                    </button></li>`,
                )}
              </ul>`
          : nothing}
        ${inviteBlocked()}
        ${allows(actions(), "Invite")
          ? html`<form class="invite" @submit=${invite} novalidate>
              <h3>${t("members.inviteTitle")}</h3>
              <p class="hint">${t("members.inviteHint")}</p>
              <div class="row">
                <div class="field grow">
                  <label for="invite-email">${t("members.email")}</label>
                  <input id="invite-email" name="email" type="email" required autocomplete="off" data-testid="invite-email"
                    aria-invalid=${invalid("email")} aria-describedby=${ifDefined(describedBy("email"))} />
                  ${fieldError("email")}
                </div>
                <div class="field">
                  <label for="invite-role">${t("members.role")}</label>
                  <select id="invite-role" name="role" data-testid="invite-role"
                    aria-invalid=${invalid("role")} aria-describedby=${ifDefined(describedBy("role"))}>
                    ${invitable.map((r) => html`<option value=${r}>${t(`role.${r}`)}</option>`)}
                  </select>
                  ${fieldError("role")}
                </div>
                <button class="primary" type="submit" ?disabled=${busy} data-testid="invite-submit">${t("members.invite")}</button>
              </div>
              <p class="status ${status?.ok ? "ok" : "error"}" role="status" data-testid="invite-status">${status?.text() ?? ""}</p>
            </form>`
          : nothing}
      </section>
    `,
  };
}
