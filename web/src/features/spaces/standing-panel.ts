// On a space's page: where each of the viewer's firms stands, and what it can do there (apply, accept or decline an
// invitation, withdraw, leave, accept a new policy version), as the server says with each firm (its actions).
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { ApplyRequest, FirmStandingDto, SpaceDetailDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { buildApplyRequest } from "./requests";
import type { SpaceContext } from "./space-context";
import { statusBadge } from "./space-views";
import { ownStandingChange } from "./standing-notices";

interface Draft {
  message: string;
  accepted: boolean;
  /** The client's own check: the policy box was left unticked. */
  mustAccept: boolean;
  errors: FieldErrors;
  sent?: ApplyRequest;
}

/** How the last action went; shown while the firm's standing is still the one it left (`forStatus`). */
type Status = { ok: boolean; text: () => string; forStatus: FirmStandingDto["status"] };

export function standingPanel(ctx: SpaceContext) {
  const drafts = new Map<string, Draft>();
  const statuses = new Map<string, Status>();
  let busy: string | null = null;

  const draftFor = (firmId: string): Draft => {
    let draft = drafts.get(firmId);
    if (!draft) {
      draft = { message: "", accepted: false, mustAccept: false, errors: {} };
      drafts.set(firmId, draft);
    }
    return draft;
  };

  /** Runs one firm's action; the panel shows how it went next to that firm. */
  async function run(firm: FirmStandingDto, call: () => Promise<SpaceDetailDto>, done: () => string): Promise<void> {
    if (busy) return;
    busy = firm.firmId;
    statuses.delete(firm.firmId);
    ctx.redraw();
    try {
      const space = await ownStandingChange(ctx.spaceId, firm.firmId, call);
      ctx.accept(space);
      statuses.set(firm.firmId, { ok: true, text: done, forStatus: statusIn(space, firm.firmId) });
      drafts.delete(firm.firmId);
    } catch (error) {
      await explain(firm, error);
    } finally {
      busy = null;
      ctx.redraw();
    }
  }

  const statusIn = (space: SpaceDetailDto | null, firmId: string) =>
    space?.viewerFirms.find((f) => f.firmId === firmId)?.status ?? null;

  async function explain(firm: FirmStandingDto, error: unknown): Promise<void> {
    const draft = draftFor(firm.firmId);
    if (error instanceof ApiError && error.status === 400) {
      draft.errors = error.errors;
      statuses.set(firm.firmId, {
        ok: false,
        text: () => [t("form.invalid"), ...otherFieldMessages(draft.errors, ["message"])].join(" "),
        forStatus: firm.status,
      });
      return;
    }
    const refused = refusedAction(error);
    if (refused.reload) await ctx.reload();
    // A new policy came out while they were reading the old one: they must read and accept this one.
    if (error instanceof ApiError && error.code === "space.policyChanged") draft.accepted = false;
    statuses.set(firm.firmId, { ok: false, text: refused.text, forStatus: statusIn(ctx.detail(), firm.firmId) });
  }

  function apply(event: SubmitEvent, firm: FirmStandingDto, detail: SpaceDetailDto): void {
    event.preventDefault();
    const draft = draftFor(firm.firmId);
    draft.errors = {};
    draft.mustAccept = !draft.accepted;
    if (draft.mustAccept) {
      statuses.delete(firm.firmId);
      ctx.redraw();
      return;
    }
    const invited = firm.status === "Invited";
    const request = buildApplyRequest(firm.firmId, invited ? "" : draft.message, detail.policy.version);
    draft.sent = request;
    void run(firm, () => api.apply(ctx.spaceId, request), () =>
      t(invited ? "standing.done.joined" : "standing.done.applied", { firm: firm.firmName }),
    );
  }

  const scrollToPolicy = (event: Event) => {
    event.preventDefault();
    document.getElementById("space-policy")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  function applyForm(firm: FirmStandingDto, detail: SpaceDetailDto, invited: boolean) {
    const draft = draftFor(firm.firmId);
    const id = (name: string) => `${name}-${firm.firmId}`;
    const messageErrors = fieldMessages(draft.errors, "message");
    const acceptErrors = draft.mustAccept && !draft.accepted ? [t("standing.mustAccept", { version: detail.policy.version })] : [];
    return html`<form class="apply" @submit=${(e: SubmitEvent) => apply(e, firm, detail)} novalidate>
      ${invited
        ? nothing
        : html`<div class="field">
            <label for=${id("apply-message")}>${t("standing.message")}</label>
            <textarea id=${id("apply-message")} rows="3" maxlength="2000" data-testid="apply-message"
              placeholder=${t("standing.messagePlaceholder")} .value=${live(draft.message)}
              @input=${(e: InputEvent) => (draft.message = (e.target as HTMLTextAreaElement).value)}
              aria-invalid=${messageErrors.length ? "true" : "false"}
              aria-describedby=${ifDefined(messageErrors.length ? id("apply-message-error") : undefined)}></textarea>
            ${fieldErrorView("message", messageErrors, id("apply-message-error"))}
          </div>`}
      <div class="field">
        <label class="check">
          <input type="checkbox" data-testid="apply-accept-policy" .checked=${live(draft.accepted)}
            aria-invalid=${acceptErrors.length ? "true" : "false"}
            aria-describedby=${ifDefined(acceptErrors.length ? id("apply-accept-error") : undefined)}
            @change=${(e: Event) => {
              draft.accepted = (e.target as HTMLInputElement).checked;
              if (draft.accepted) draft.mustAccept = false;
              ctx.redraw();
            }} />
          <span>${t("standing.acceptPolicy", { version: detail.policy.version })}
            <a href="#space-policy" @click=${scrollToPolicy}>${t("standing.readPolicy")}</a></span>
        </label>
        ${fieldErrorView("acceptPolicy", acceptErrors, id("apply-accept-error"))}
      </div>
      <button class="primary" type="submit" data-testid="apply-submit" ?disabled=${busy !== null}>
        ${t(invited ? "standing.joinSubmit" : "standing.applySubmit")}</button>
    </form>`;
  }

  function firmView(firm: FirmStandingDto, detail: SpaceDetailDto) {
    const version = detail.policy.version;
    const pending = firm.policyAcceptancePending;
    // An invited firm's application is its acceptance, and its withdrawal declines the invitation.
    const invited = firm.status === "Invited";
    // Once the standing has moved on (an admin decided, live), the last action's outcome is old news.
    const last = statuses.get(firm.firmId);
    const status = last && last.forStatus === firm.status ? last : undefined;
    const params = { firm: firm.firmName, version };
    return html`<div class="standing" data-firm-id=${firm.firmId} data-testid="standing-firm">
      <div class="standing-head">
        <a class="firm" href=${href({ name: "business", id: firm.firmId })}>${firm.firmName}</a>
        ${statusBadge(firm.status, "standing-status")}
      </div>
      <p class="explain">${t(`standing.explain.${firm.status ?? "none"}`, params)}</p>
      ${firm.status === "Member" && !pending && firm.acceptedPolicyVersion !== null
        ? html`<p class="muted small">${t("standing.acceptedVersion", { version: firm.acceptedPolicyVersion })}</p>`
        : nothing}
      ${firm.reason
        ? html`<blockquote class="reason-box" data-testid="standing-reason"><span class="label">${t("standing.reasonLabel")}</span>${firm.reason}</blockquote>`
        : nothing}
      ${pending
        ? html`<div class="alert warn policy-pending" data-testid="standing-policy-pending">
            <p><strong>${t("standing.policyPendingTitle", { version })}</strong></p>
            <p>${t("standing.policyPending", { version, accepted: firm.acceptedPolicyVersion ?? "—" })}
              <a href="#space-policy" @click=${scrollToPolicy}>${t("standing.readPolicy")}</a></p>
            ${allows(firm.actions, "AcceptPolicy")
              ? html`<button type="button" class="primary" data-testid="accept-policy-submit" ?disabled=${busy !== null}
                  @click=${() => void run(firm, () => api.acceptPolicy(ctx.spaceId, firm.firmId, { version }),
                    () => t("standing.done.policyAccepted", params))}>${t("standing.acceptPolicySubmit", { version })}</button>`
              : nothing}
          </div>`
        : nothing}
      ${allows(firm.actions, "Apply") ? applyForm(firm, detail, invited) : nothing}
      ${allows(firm.actions, "Withdraw") || allows(firm.actions, "Leave")
        ? html`<div class="actions">
            ${allows(firm.actions, "Withdraw")
              ? html`<button type="button" data-testid="withdraw-submit" ?disabled=${busy !== null}
                  @click=${() => void run(firm, () => api.withdraw(ctx.spaceId, firm.firmId),
                    () => t(invited ? "standing.done.declined" : "standing.done.withdrawn", params))}>
                  ${t(invited ? "standing.decline" : "standing.withdraw")}</button>`
              : nothing}
            ${allows(firm.actions, "Leave")
              ? html`<button type="button" class="danger-outline" data-testid="leave-submit" ?disabled=${busy !== null}
                  @click=${() => void run(firm, () => api.leave(ctx.spaceId, firm.firmId), () => t("standing.done.left", params))}>
                  ${t("standing.leave")}</button>`
              : nothing}
          </div>`
        : nothing}
      ${!firm.actsFor ? html`<p class="muted small">${t("standing.viewerOnly", params)}</p>` : nothing}
      <p class="status ${status?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="standing-feedback">${status?.text() ?? ""}</p>
    </div>`;
  }

  return {
    view(detail: SpaceDetailDto) {
      return html`<section class="card standing-panel" data-testid="standing-panel" aria-labelledby="standing-title">
        <h2 id="standing-title">${t(detail.viewerFirms.length > 1 ? "standing.titleMany" : "standing.title")}</h2>
        ${detail.viewerFirms.length === 0
          ? html`<p>${t("standing.noFirm")}</p>
              <p><a class="button" href=${href({ name: "newBusiness" })}>${t("nav.newBusiness")}</a></p>`
          : detail.viewerFirms.map((firm) => firmView(firm, detail))}
      </section>`;
    },
  };
}
