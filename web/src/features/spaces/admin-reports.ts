// In the admin area's "Segnalazioni": the posts, projects and firms that member firms reported to the association,
// newest report first, with how many firms reported each and what each said. An admin hides the post or project, or
// dismisses the reports, with a reason the reporting firms read; the latest decisions stay listed with who took them.
// Read again when the hub says the space's reports changed (ReportsChanged reaches its admins), so a new report
// appears without reloading.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { ReportedSubjectDto, ReportQueueDto, ReportSubjectDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { sameId } from "../../ids";
import { onReportsChanged } from "../../realtime/hub";
import { href } from "../../router";
import { AdminSectionElement } from "./admin-section";

/** Where the admin reads what was reported: the space's board for a post, the firm's page for a project or a firm. */
function subjectLink(s: ReportSubjectDto, spaceId: string) {
  const target = s.kind === "Post" ? href({ name: "space", id: spaceId, tab: "board" }) : href({ name: "business", id: s.firmId.toLowerCase() });
  return html`<a href=${target} data-testid="report-subject">${s.title}</a>`;
}

export class AdminReports extends AdminSectionElement {
  static override properties = {
    queue: { state: true },
    deciding: { state: true },
    reason: { state: true },
    errors: { state: true },
  };

  private declare queue: ReportQueueDto | null;
  /** The subject whose reason is being written. */
  private declare deciding: string | null;
  private declare reason: string;
  private declare errors: FieldErrors;
  #unlisten: (() => void) | null = null;

  constructor() {
    super();
    this.queue = null;
    this.deciding = null;
    this.reason = "";
    this.errors = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unlisten = onReportsChanged((change) => {
      if (sameId(change.spaceId, this.ctx.spaceId)) void this.#load();
    });
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten?.();
  }

  async #load(): Promise<void> {
    try {
      this.queue = await api.reportQueue(this.ctx.spaceId);
    } catch (error) {
      this.action.say(false, () => describeRefusal(error));
    }
  }

  #decide(s: ReportedSubjectDto, outcome: "Hidden" | "Dismissed"): void {
    void this.action.exclusive(async () => {
      this.action.feedback = null;
      this.errors = {};
      try {
        await api.decideReports(this.ctx.spaceId, { subject: s.subject.kind, subjectId: s.subject.id, outcome, reason: this.reason.trim() });
        this.deciding = null;
        this.reason = "";
        this.action.say(true, () => t(outcome === "Hidden" ? "reports.admin.hidden" : "reports.admin.dismissed"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) this.errors = error.errors;
        else this.action.say(false, () => describeRefusal(error));
      }
      await this.#load();
    });
  }

  #decisionForm(s: ReportedSubjectDto) {
    const errors = [...fieldMessages(this.errors, "reason"), ...fieldMessages(this.errors, "outcome")];
    const busy = this.action.busy;
    return html`<form class="stack decline-form" novalidate @submit=${(e: SubmitEvent) => e.preventDefault()}>
      <div class="field">
        <label for="report-decision-${s.subject.id}">${t("reports.admin.decisionReason")}</label>
        <textarea id="report-decision-${s.subject.id}" rows="2" maxlength="1000" data-testid="report-decision-reason" .value=${this.reason}
          aria-invalid=${errors.length ? "true" : "false"} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${errors.length ? html`<p class="field-error">${errors.join(" ")}</p>` : nothing}
      </div>
      <div class="row">
        ${s.subject.kind !== "Firm"
          ? html`<button class="danger" type="button" data-testid="report-hide" ?disabled=${busy} @click=${() => this.#decide(s, "Hidden")}>${t("reports.admin.hide")}</button>`
          : nothing}
        <button type="button" data-testid="report-dismiss" ?disabled=${busy} @click=${() => this.#decide(s, "Dismissed")}>${t("reports.admin.dismiss")}</button>
        <button type="button" class="link" @click=${() => (this.deciding = null)}>${t("reports.cancel")}</button>
      </div>
    </form>`;
  }

  #subjectView(s: ReportedSubjectDto) {
    const open = this.deciding === s.subject.id;
    return html`<li class="admin-item" data-testid="admin-report" data-subject-id=${s.subject.id}>
      <div class="item-main">
        <div class="item-head">
          <span class="badge">${t(`reports.admin.kind.${s.subject.kind}`)}</span> ${subjectLink(s.subject, this.ctx.spaceId)}
          ${s.subject.kind !== "Firm" ? html`<span class="muted small">${t("reports.admin.of", { firm: s.subject.firmName })}</span>` : nothing}
        </div>
        <p class="small" data-testid="report-firms">${s.firms === 1 ? t("reports.admin.firmsOne") : t("reports.admin.firms", { n: s.firms })}</p>
        <ul class="report-notes">
          ${s.reports.map(
            (r) => html`<li class="small" data-testid="report-note">
              <strong>${t(`reports.reason.${r.reason}`)}</strong> · ${r.reporterFirmName} · <span class="muted">${formatDateTime(r.at)}</span>
              ${r.text ? html`<p class="report-text">${r.text}</p>` : nothing}
            </li>`,
          )}
        </ul>
        ${open ? this.#decisionForm(s) : nothing}
      </div>
      ${open
        ? nothing
        : html`<div class="item-actions">
            <button type="button" class="primary" data-testid="report-examine"
              @click=${() => ((this.deciding = s.subject.id), (this.reason = ""), (this.errors = {}))}>${t("reports.admin.examine")}</button>
          </div>`}
    </li>`;
  }

  protected override render() {
    const q = this.queue;
    return html`<section class="card admin-section" id="admin-reports" aria-labelledby="admin-reports-title" data-testid="admin-reports">
      <h3 id="admin-reports-title">${t("reports.admin.title")}</h3>
      <p class="muted small">${t("reports.admin.intro")}</p>
      ${this.feedbackView("reports")}
      ${q === null
        ? nothing
        : q.open.length === 0
          ? html`<p class="muted small" data-testid="reports-empty">${t("reports.admin.empty")}</p>`
          : html`<ul class="admin-list" data-testid="reports">${q.open.map((s) => this.#subjectView(s))}</ul>`}
      ${q && q.decided.length > 0
        ? html`<h4>${t("reports.admin.decided")}</h4>
            <ul class="admin-list" data-testid="reports-decided">
              ${q.decided.map(
                (d) => html`<li class="small" data-testid="report-decision">
                  <span class="badge">${t(`reports.admin.kind.${d.subject.kind}`)}</span> ${subjectLink(d.subject, this.ctx.spaceId)} ·
                  ${t(d.outcome === "Hidden" ? "reports.admin.decidedLine.Hidden" : "reports.admin.decidedLine.Dismissed", {
                    who: d.decidedBy, when: formatDateTime(d.decidedAt), reason: d.reason,
                  })}
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }
}

customElements.define("admin-reports", AdminReports);
