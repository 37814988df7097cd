// In the admin area's "Gare esterne": the tenders member firms found on buyers' platforms and proposed to the space.
// An admin imports one in a click (exactly as their own upload: the same report) or declines it with a reason the
// firm reads. Decided ones stay listed for a while, so both sides read the same story.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { OpportunityProposalDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { sameId } from "../../ids";
import { describeRefusal } from "../../i18n/refusals";
import { onProposalChanged } from "../../realtime/hub";
import { AdminSectionElement, firmLink } from "./admin-section";
import { importErrorsView, importResultView } from "./import-report";
import { proposalStatusView, proposedTendersView } from "./proposal-views";

export class AdminProposals extends AdminSectionElement {
  static override properties = {
    proposals: { state: true },
    declining: { state: true },
    reason: { state: true },
    errors: { state: true },
    packageErrors: { state: true },
    working: { state: true },
  };

  private declare proposals: OpportunityProposalDto[] | null;
  /** The proposal whose reason for declining is being written. */
  private declare declining: string | null;
  private declare reason: string;
  private declare errors: FieldErrors;
  /** Why the import refused a proposal's package now (a deadline passed since it was proposed), by JSON path. */
  private declare packageErrors: { id: string; errors: FieldErrors } | null;
  private declare working: string | null;

  constructor() {
    super();
    this.proposals = null;
    this.declining = null;
    this.reason = "";
    this.errors = {};
    this.packageErrors = null;
    this.working = null;
  }

  #stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    // The other side's answer (a proposal made or withdrawn; imported or declined) shows without reloading the page.
    this.#stop = onProposalChanged((change) => {
      if (sameId(change.spaceId, this.ctx.spaceId)) void this.#load();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
  }

  async #load(): Promise<void> {
    try {
      this.proposals = await api.opportunityProposals(this.ctx.spaceId);
    } catch (error) {
      this.action.say(false, () => describeRefusal(error));
    }
  }

  async #act(p: OpportunityProposalDto, work: () => Promise<OpportunityProposalDto>, done: () => string): Promise<void> {
    if (this.working) return;
    this.working = p.id;
    this.action.feedback = null;
    this.errors = {};
    this.packageErrors = null;
    try {
      const changed = await work();
      this.proposals = (this.proposals ?? []).map((x) => (x.id === changed.id ? changed : x));
      this.declining = null;
      this.reason = "";
      this.action.say(true, done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        if (Object.keys(error.errors).some((k) => k.startsWith("$"))) this.packageErrors = { id: p.id, errors: error.errors };
        else this.errors = error.errors;
      } else {
        this.action.say(false, () => describeRefusal(error));
        await this.#load();
      }
    } finally {
      this.working = null;
    }
  }

  #import(p: OpportunityProposalDto): void {
    void this.#act(p, () => api.importProposal(this.ctx.spaceId, p.id), () => t("proposals.admin.imported"));
  }

  #decline(event: SubmitEvent, p: OpportunityProposalDto): void {
    event.preventDefault();
    void this.#act(p, () => api.declineProposal(this.ctx.spaceId, p.id, { reason: this.reason.trim() }), () => t("proposals.admin.declined"));
  }

  #declineForm(p: OpportunityProposalDto) {
    const errors = fieldMessages(this.errors, "reason");
    return html`<form class="stack decline-form" @submit=${(e: SubmitEvent) => this.#decline(e, p)} novalidate>
      <div class="field">
        <label for="decline-${p.id}">${t("proposals.admin.reason")}</label>
        <textarea id="decline-${p.id}" rows="2" maxlength="1000" data-testid="proposal-decline-reason" .value=${this.reason}
          aria-invalid=${errors.length ? "true" : "false"} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${errors.length ? html`<p class="field-error">${errors.join(" ")}</p>` : nothing}
      </div>
      <div class="row">
        <button class="danger" type="submit" data-testid="proposal-decline-confirm" ?disabled=${this.working !== null}>${t("proposals.admin.decline")}</button>
        <button type="button" @click=${() => (this.declining = null)}>${t("proposals.admin.cancel")}</button>
      </div>
    </form>`;
  }

  #proposalView(p: OpportunityProposalDto) {
    const waiting = p.status === "Waiting";
    return html`<li class="admin-item" data-testid="admin-proposal" data-status=${p.status}>
      <div class="item-main">
        <div class="item-head">${firmLink(p)} <span class="muted small">${formatDateTime(p.proposedAt)}</span></div>
        ${p.note ? html`<p class="small proposal-note" data-testid="proposal-note">${p.note}</p>` : nothing}
        ${proposedTendersView(p)}
        ${waiting ? nothing : proposalStatusView(p)}
        ${p.result ? importResultView(p.result, "proposal", false) : nothing}
        ${this.packageErrors?.id === p.id ? importErrorsView(this.packageErrors.errors, "proposal") : nothing}
        ${this.declining === p.id ? this.#declineForm(p) : nothing}
      </div>
      ${waiting && this.declining !== p.id
        ? html`<div class="item-actions">
            <button class="primary" type="button" data-testid="proposal-import" ?disabled=${this.working !== null}
              @click=${() => this.#import(p)}>${this.working === p.id ? t("proposals.admin.importing") : t("proposals.admin.import")}</button>
            <button type="button" data-testid="proposal-decline" ?disabled=${this.working !== null}
              @click=${() => ((this.declining = p.id), (this.reason = ""), (this.errors = {}))}>${t("proposals.admin.decline")}</button>
          </div>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const waiting = (this.proposals ?? []).filter((p) => p.status === "Waiting").length;
    return html`<div class="admin-proposals" data-testid="admin-proposals">
      <h4>${t("proposals.admin.title")}</h4>
      <p class="muted small">${t("proposals.admin.intro")}</p>
      <p class="status ${this.action.feedback?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="admin-proposals-status">
        ${this.action.feedback?.text() ?? ""}</p>
      ${this.proposals === null
        ? nothing
        : this.proposals.length === 0
          ? html`<p class="muted small" data-testid="proposals-empty">${t("proposals.admin.empty")}</p>`
          : html`<p class="small" data-testid="proposals-waiting">${t("proposals.admin.waiting", { n: waiting })}</p>
              <ul class="admin-list" data-testid="proposals">${this.proposals.map((p) => this.#proposalView(p))}</ul>`}
    </div>`;
  }
}

customElements.define("admin-proposals", AdminProposals);
