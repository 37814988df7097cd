// In a space's admin area: importing tenders published on the buyers' own platforms from their open data (an OCDS
// release package, e.g. ANAC's). The file's upload shows its progress; the answer says what became of each process
// (created, updated, unchanged), or why nothing was imported, each error at its place in the file.
import { html, nothing } from "lit";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { ImportResultDto } from "../../api/types";
import { filePicker } from "../../file-picker";
import { currentLanguage, formatNumber, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { formatFileSize } from "../tenders/documents";
import { AdminSectionElement } from "./admin-section";
import "./admin-feeds";
import "./admin-proposals";
import { importErrorsView, importResultView } from "./import-report";
import { importOpportunities, type ImportPhase } from "./opportunity-import";

export class AdminOpportunities extends AdminSectionElement {
  static override properties = {
    file: { state: true },
    phase: { state: true },
    result: { state: true },
    errors: { state: true },
    failure: { state: true },
  };

  private declare file: File | null;
  private declare phase: ImportPhase | null;
  private declare result: ImportResultDto | null;
  /** The package's errors by their JSON path: nothing was imported. */
  private declare errors: FieldErrors | null;
  private declare failure: (() => string) | null;

  constructor() {
    super();
    this.file = null;
    this.phase = null;
    this.result = null;
    this.errors = null;
    this.failure = null;
  }

  #import(event: SubmitEvent): void {
    event.preventDefault();
    const file = this.file;
    if (!file) return;
    void this.action.exclusive(async () => {
      this.result = null;
      this.errors = null;
      this.failure = null;
      try {
        this.result = await importOpportunities(this.ctx.spaceId, file, (phase) => (this.phase = phase));
      } catch (error) {
        if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length > 0) this.errors = error.errors;
        else this.failure = () => describeRefusal(error);
      } finally {
        this.phase = null;
      }
    });
  }

  #progressView(phase: ImportPhase) {
    if (phase.kind === "checking")
      return html`<p class="import-progress" role="status" data-testid="import-checking">${t("admin.opportunities.checking")}</p>`;
    const lang = currentLanguage();
    const percent = phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0;
    return html`<div class="import-progress" role="status" data-testid="import-uploading">
      <progress max="100" .value=${percent} aria-label=${t("admin.opportunities.uploadLabel")}></progress>
      <span class="small">${t("admin.opportunities.uploading", {
        sent: formatFileSize(phase.sent, lang), total: formatFileSize(phase.total, lang), percent: formatNumber(percent, 0),
      })}</span>
    </div>`;
  }

  protected override render() {
    const busy = this.action.busy;
    return html`<section class="card admin-section" id="admin-opportunities" aria-labelledby="admin-opportunities-title">
      <h3 id="admin-opportunities-title">${t("admin.opportunities.title")}</h3>
      <p class="muted small">${t("admin.opportunities.intro")}</p>
      <form class="row import-form" @submit=${(e: SubmitEvent) => this.#import(e)} novalidate>
        <div class="field grow">
          <label for="import-file">${t("admin.opportunities.file")}</label>
          ${filePicker({
            id: "import-file",
            testid: "import-file",
            accept: ".json,application/json",
            disabled: busy,
            chosen: this.file ? [this.file.name] : [],
            onFiles: (files) => (this.file = files[0] ?? null),
          })}
        </div>
        <button class="primary" type="submit" data-testid="import-submit" ?disabled=${busy || !this.file}>${t("admin.opportunities.import")}</button>
      </form>
      ${this.phase ? this.#progressView(this.phase) : nothing}
      ${this.result ? importResultView(this.result) : nothing}
      ${this.errors ? importErrorsView(this.errors) : nothing}
      ${this.failure ? html`<p class="status error" role="status" data-testid="import-failure">${this.failure()}</p>` : nothing}
      <admin-proposals .ctx=${this.ctx}></admin-proposals>
      <admin-feeds .ctx=${this.ctx}></admin-feeds>
    </section>`;
  }
}

customElements.define("admin-opportunities", AdminOpportunities);
