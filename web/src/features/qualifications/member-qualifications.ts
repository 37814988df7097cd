// In a space's admin area, under a member firm: its SOA attestations and figures as it records them, which the admin
// compares with the documents and marks as checked (the association vouches for them), or withdraws the mark. A mark
// speaks for the content checked: the server shows it only while the firm records the same, so an edit drops it.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import type { FirmQualificationsDto } from "../../api/types";
import { t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { LightElement } from "../../light-element";
import { loadErrorView, loadingView } from "../../views";
import { checksOf } from "./checks";
import { attestationsView, figuresView } from "./qualifications-section";

export class MemberQualifications extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    firmId: { attribute: false },
    data: { state: true },
    failed: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  declare spaceId: string;
  declare firmId: string;
  private declare data: FirmQualificationsDto | null;
  private declare failed: boolean;
  private declare busy: boolean;
  private declare status: { ok: boolean; text: string } | null;

  constructor() {
    super();
    this.spaceId = "";
    this.firmId = "";
    this.data = null;
    this.failed = false;
    this.busy = false;
    this.status = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.data = await api.memberQualifications(this.spaceId, this.firmId);
    } catch {
      this.failed = true;
    }
  }

  /** Checks (from the version read: the firm's edit since is refused, so the admin never vouches for what they did not see) or withdraws. */
  async #act(category: string | null, withdraw: boolean): Promise<void> {
    if (this.busy || !this.data) return;
    this.busy = true;
    this.status = null;
    try {
      const { spaceId, firmId } = this;
      const version = this.data.version;
      this.data = category === null
        ? withdraw ? await api.withdrawFiguresVouch(spaceId, firmId) : await api.vouchForFigures(spaceId, firmId, version)
        : withdraw ? await api.withdrawAttestationVouch(spaceId, firmId, category) : await api.vouchForAttestation(spaceId, firmId, category, version);
      this.status = { ok: true, text: t(withdraw ? "qualifications.check.withdrawn" : "qualifications.check.done") };
    } catch (error) {
      this.status = { ok: false, text: describeRefusal(error) };
      await this.#load();
    } finally {
      this.busy = false;
    }
  }

  #buttons(category: string | null) {
    const checked = this.data !== null && checksOf(this.data.checks, category).length > 0;
    const label = category ?? t("qualifications.figuresTitle");
    return checked
      ? html`<button type="button" class="link" data-testid="qualification-check-withdraw" ?disabled=${this.busy}
          aria-label=${t("qualifications.check.withdrawLabel", { what: label })} @click=${() => this.#act(category, true)}>
          ${t("qualifications.check.withdraw")}</button>`
      : html`<button type="button" class="primary-outline" data-testid="qualification-check-submit" ?disabled=${this.busy}
          aria-label=${t("qualifications.check.submitLabel", { what: label })} @click=${() => this.#act(category, false)}>
          ${t("qualifications.check.submit")}</button>`;
  }

  protected override render() {
    const q = this.data;
    return html`<div class="member-qualifications" data-testid="member-qualifications">
      <p class="hint">${t("qualifications.check.hint")}</p>
      ${this.failed
        ? loadErrorView()
        : !q
          ? loadingView()
          : html`<h4>${t("qualifications.soaTitle")}</h4>
              ${attestationsView(q, (c) => this.#buttons(c))}
              <h4>${t("qualifications.figuresTitle")}</h4>
              ${figuresView(q, (c) => this.#buttons(c))}`}
      ${this.status
        ? html`<p class="status ${this.status.ok ? "ok" : "error"}" role="status" data-testid="qualification-check-status">${this.status.text}</p>`
        : nothing}
    </div>`;
  }
}

customElements.define("member-qualifications", MemberQualifications);
