// On a space's tenders tab, for the Owners and Managers of its member firms: a tender published on a buyer's own
// platform that the space does not list yet is proposed to the space's admins as its OCDS release package, with a note.
// The package is checked at once (errors at their place in the file); the firm then reads what the admins decided.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { FirmStandingDto, OpportunityProposalDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { filePicker } from "../../file-picker";
import { formatDateTime, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { onProposalChanged } from "../../realtime/hub";
import { sameId } from "../../ids";
import { LightElement } from "../../light-element";
import { importErrorsView } from "./import-report";
import { proposeOpportunities } from "./opportunity-import";
import { proposalStatusView, proposedTendersView } from "./proposal-views";

export class ProposeOpportunities extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    firms: { attribute: false },
    proposals: { state: true },
    firmId: { state: true },
    note: { state: true },
    file: { state: true },
    busy: { state: true },
    errors: { state: true },
    said: { state: true },
  };

  declare spaceId: string;
  /** The viewer's firms that may propose: Owners or Managers of member firms of the space. */
  declare firms: FirmStandingDto[];
  private declare proposals: OpportunityProposalDto[] | null;
  private declare firmId: string;
  private declare note: string;
  private declare file: File | null;
  private declare busy: boolean;
  /** The package's errors by JSON path, or a field's (the note). */
  private declare errors: FieldErrors;
  private declare said: { ok: boolean; text: () => string } | null;

  constructor() {
    super();
    this.firms = [];
    this.proposals = null;
    this.firmId = "";
    this.note = "";
    this.file = null;
    this.busy = false;
    this.errors = {};
    this.said = null;
  }

  #stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    // The other side's answer (a proposal made or withdrawn; imported or declined) shows without reloading the page.
    this.#stop = onProposalChanged((change) => {
      if (sameId(change.spaceId, this.spaceId)) void this.#load();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
  }

  async #load(): Promise<void> {
    try {
      this.proposals = await api.opportunityProposals(this.spaceId);
    } catch (error) {
      this.said = { ok: false, text: () => describeRefusal(error) };
    }
  }

  #firm(): string {
    return this.firms.some((f) => f.firmId === this.firmId) ? this.firmId : (this.firms[0]?.firmId ?? "");
  }

  async #propose(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const file = this.file;
    if (!file || this.busy) return;
    this.busy = true;
    this.errors = {};
    this.said = null;
    try {
      const proposal = await proposeOpportunities(this.spaceId, this.#firm(), this.note.trim(), file, () => undefined);
      this.proposals = [proposal, ...(this.proposals ?? [])];
      this.file = null;
      this.note = "";
      this.said = { ok: true, text: () => t("proposals.sent") };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length > 0) this.errors = error.errors;
      else this.said = { ok: false, text: () => describeRefusal(error) };
    } finally {
      this.busy = false;
    }
  }

  async #withdraw(p: OpportunityProposalDto): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.said = null;
    try {
      const changed = await api.withdrawProposal(this.spaceId, p.id);
      this.proposals = (this.proposals ?? []).map((x) => (x.id === changed.id ? changed : x));
    } catch (error) {
      this.said = { ok: false, text: () => describeRefusal(error) };
      await this.#load();
    } finally {
      this.busy = false;
    }
  }

  #proposalView(p: OpportunityProposalDto) {
    const mine = this.firms.some((f) => f.firmId === p.firmId);
    return html`<li class="admin-item" data-testid="my-proposal">
      <div class="item-main">
        <div class="muted small">${t("proposals.by", { firm: p.firmName, when: formatDateTime(p.proposedAt) })}</div>
        ${proposedTendersView(p)}
        ${proposalStatusView(p)}
      </div>
      ${p.status === "Waiting" && mine
        ? html`<div class="item-actions"><button type="button" data-testid="proposal-withdraw" ?disabled=${this.busy}
            @click=${() => void this.#withdraw(p)}>${t("proposals.withdraw")}</button></div>`
        : nothing}
    </li>`;
  }

  protected override render() {
    const noteErrors = fieldMessages(this.errors, "note");
    const packageErrors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k.startsWith("$") || k === "file"));
    return html`<section class="card" aria-labelledby="propose-title" data-testid="propose-opportunities">
      <h2 id="propose-title">${t("proposals.title")}</h2>
      <p class="muted small">${t("proposals.intro")}</p>
      <form class="stack" @submit=${(e: SubmitEvent) => void this.#propose(e)} novalidate>
        ${this.firms.length > 1
          ? html`<div class="field"><label for="propose-firm">${t("proposals.firm")}</label>
              <select id="propose-firm" data-testid="propose-firm" ?disabled=${this.busy}
                @change=${(e: Event) => (this.firmId = (e.target as HTMLSelectElement).value)}>
                ${this.firms.map((f) => html`<option value=${f.firmId} ?selected=${f.firmId === this.#firm()}>${f.firmName}</option>`)}
              </select></div>`
          : nothing}
        <div class="field">
          <label for="propose-file">${t("proposals.file")}</label>
          ${filePicker({
            id: "propose-file",
            testid: "propose-file",
            accept: ".json,application/json",
            disabled: this.busy,
            chosen: this.file ? [this.file.name] : [],
            onFiles: (files) => (this.file = files[0] ?? null),
          })}
        </div>
        <div class="field">
          <label for="propose-note">${t("proposals.note")}</label>
          <textarea id="propose-note" rows="2" maxlength="1000" data-testid="propose-note" .value=${this.note} ?disabled=${this.busy}
            aria-invalid=${noteErrors.length ? "true" : "false"}
            @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${noteErrors.length ? html`<p class="field-error">${noteErrors.join(" ")}</p>` : nothing}
        </div>
        <div><button class="primary" type="submit" data-testid="propose-submit" ?disabled=${this.busy || !this.file}>
          ${this.busy ? t("proposals.sending") : t("proposals.send")}</button></div>
      </form>
      ${Object.keys(packageErrors).length ? importErrorsView(packageErrors, "propose") : nothing}
      <p class="status ${this.said?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="propose-status">${this.said?.text() ?? ""}</p>
      ${this.proposals?.length
        ? html`<h3>${t("proposals.yours")}</h3><ul class="admin-list" data-testid="my-proposals">${this.proposals.map((p) => this.#proposalView(p))}</ul>`
        : nothing}
    </section>`;
  }
}

customElements.define("propose-opportunities", ProposeOpportunities);
