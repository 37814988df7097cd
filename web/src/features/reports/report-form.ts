// "Segnala all'associazione": a person reports a post, a project or a firm for one of their firms, and reads on the
// same spot what the association decided ("La tua segnalazione è stata esaminata: …"), read again when the hub says
// the firm's reports changed (ReportsChanged reaches the reporting firm's people, never the reported firm's).
import { html, nothing, type PropertyValues } from "lit";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { MyReportDto, ReportChoiceDto, ReportReason } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { LightElement } from "../../light-element";
import { onReportsChanged } from "../../realtime/hub";
import { sameId } from "../../ids";

const reasons: ReportReason[] = ["Spam", "FalseInformation", "Offensive", "Other"];

export interface ReportingFirm {
  id: string;
  name: string;
}

/** Where a firm's report stands: waiting for the association, or what it decided and why. */
export function reportOutcomeView(r: MyReportDto) {
  return r.status === "Open"
    ? html`<p class="muted small" data-testid="report-waiting">${t("reports.waiting", { when: formatDateTime(r.at) })}</p>`
    : html`<p class="alert ok" data-testid="report-outcome">${t(`reports.examined.${r.status}`, { reason: r.decisionReason ?? "" })}</p>`;
}

/**
 * Where the viewer's firms may report a firm, read once per firm and page visit: every project card of a firm's page
 * asks about the same publisher, and where firms share spaces changes only with a space's members.
 */
const choicesAsked = new Map<string, Promise<ReportChoiceDto[]>>();
function reportChoices(firmId: string): Promise<ReportChoiceDto[]> {
  const key = firmId.toLowerCase();
  let asked = choicesAsked.get(key);
  if (!asked) {
    asked = api.reportChoices(firmId).catch(() => [] as ReportChoiceDto[]);
    choicesAsked.set(key, asked);
    // Asked again on the next visit of a page: a firm may have joined or left a space meanwhile.
    setTimeout(() => choicesAsked.delete(key), 30_000);
  }
  return asked;
}

export class ReportForm extends LightElement {
  static override properties = {
    subject: { attribute: false },
    subjectId: { attribute: false },
    spaceId: { attribute: false },
    firms: { attribute: false },
    aboutFirmId: { attribute: false },
    excludedFirms: { attribute: false },
    choices: { state: true },
    spaceChoice: { state: true },
    opened: { state: true },
    firmId: { state: true },
    reason: { state: true },
    text: { state: true },
    errors: { state: true },
    status: { state: true },
    busy: { state: true },
    mine: { state: true },
  };

  declare subject: "Post" | "Project" | "Firm";
  declare subjectId: string;
  /** The space whose association hears it; null to let the server choose the only one the firms share. */
  declare spaceId: string | null;
  /** The viewer's firms that may report it (a post's: the board knows them). */
  declare firms: ReportingFirm[];
  /**
   * For a firm or a project: the firm reported (the project's publisher). The form then reads itself which of the
   * viewer's firms share a space with it, and in which spaces, and has the reporter pick one when there are several.
   */
  declare aboutFirmId: string | null;
  /** The viewer's firms that do not report it: a project's own firms. */
  declare excludedFirms: readonly string[];
  private declare choices: ReportChoiceDto[] | null;
  /** The space picked among several; empty until the reporter picks one. */
  private declare spaceChoice: string;
  private declare opened: boolean;
  private declare firmId: string;
  private declare reason: ReportReason;
  private declare text: string;
  private declare errors: FieldErrors;
  private declare status: { ok: boolean; text: () => string } | null;
  private declare busy: boolean;
  /** The viewer's firms' latest report of this subject, with the association's answer once given. */
  private declare mine: MyReportDto | null;
  #unlisten: (() => void) | null = null;
  /** The subject and firms the answer was read for: a page drawing again with the same ones reads nothing. */
  #readFor = "";

  constructor() {
    super();
    this.subject = "Post";
    this.subjectId = "";
    this.spaceId = null;
    this.firms = [];
    this.aboutFirmId = null;
    this.excludedFirms = [];
    this.choices = null;
    this.spaceChoice = "";
    this.opened = false;
    this.firmId = "";
    this.reason = "Spam";
    this.text = "";
    this.errors = {};
    this.status = null;
    this.busy = false;
    this.mine = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unlisten = onReportsChanged(() => void this.#loadMine());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten?.();
  }

  /** The firms the viewer reports for here: a post's, given by the board; a firm's or project's, those sharing a space with it. */
  #reporters(): ReportingFirm[] {
    if (this.aboutFirmId === null) return this.firms;
    return (this.choices ?? [])
      .filter((c) => !this.excludedFirms.some((x) => sameId(x, c.firm.id)))
      .map((c) => ({ id: c.firm.id, name: c.firm.name }));
  }

  #reporter(): ReportingFirm | undefined {
    const firms = this.#reporters();
    return firms.find((f) => sameId(f.id, this.firmId)) ?? firms[0];
  }

  /** The spaces the chosen firm shares with the reported one; empty for a post (it goes to its own space). */
  #spaces() {
    const firm = this.#reporter();
    return this.aboutFirmId === null || !firm ? [] : (this.choices?.find((c) => sameId(c.firm.id, firm.id))?.spaces ?? []);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("aboutFirmId") && this.aboutFirmId) {
      const about = this.aboutFirmId;
      void reportChoices(about).then((choices) => {
        if (this.aboutFirmId === about) this.choices = choices;
      });
    }
    const key = [this.subjectId, ...this.#reporters().map((f) => f.id)].join(" ");
    if ((changed.has("subjectId") || changed.has("firms") || changed.has("choices" as keyof ReportForm) || changed.has("excludedFirms")) && key !== this.#readFor) {
      this.#readFor = key;
      void this.#loadMine();
    }
  }

  async #loadMine(): Promise<void> {
    const lists = await Promise.all(this.#reporters().map((f) => api.firmReports(f.id).catch(() => [] as MyReportDto[])));
    const about = lists.flat().filter((r) => r.subject.kind === this.subject && sameId(r.subject.id, this.subjectId));
    this.mine = about.sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = {};
    this.status = null;
    try {
      const firm = this.#reporter()!;
      // Among several shared spaces nothing is picked for the reporter: the server then asks them to choose.
      const spaceId = this.aboutFirmId === null ? this.spaceId : this.spaceChoice || null;
      const filed = await api.fileReport({
        reporterFirmId: firm.id, subject: this.subject, subjectId: this.subjectId, spaceId, reason: this.reason,
        text: this.text.trim() || null,
      });
      this.mine = filed;
      this.opened = false;
      this.text = "";
      this.status = { ok: true, text: () => t("reports.sent", { space: filed.spaceName }) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length > 0) this.errors = error.errors;
      else this.status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      this.busy = false;
    }
  }

  #mineView() {
    return this.mine ? reportOutcomeView(this.mine) : nothing;
  }

  #formView() {
    const textErrors = fieldMessages(this.errors, "text");
    const spaceErrors = fieldMessages(this.errors, "spaceId");
    const other = otherFieldMessages(this.errors, ["text", "spaceId"]);
    const firms = this.#reporters();
    const spaces = this.#spaces();
    return html`<form class="report-form stack" data-testid="report-form" novalidate @submit=${(e: SubmitEvent) => void this.#send(e)}>
      <h4>${t("reports.formTitle")}</h4>
      <p class="muted small">${t("reports.formIntro")}</p>
      ${firms.length > 1
        ? html`<div class="field">
            <label for="report-firm-${this.subjectId}">${t("reports.firm")}</label>
            <select id="report-firm-${this.subjectId}" data-testid="report-firm"
              @change=${(e: Event) => ((this.firmId = (e.target as HTMLSelectElement).value), (this.spaceChoice = ""))}>
              ${firms.map((f) => html`<option value=${f.id} ?selected=${sameId(f.id, this.firmId)}>${f.name}</option>`)}
            </select>
          </div>`
        : nothing}
      ${spaces.length > 1
        ? html`<div class="field">
            <label for="report-space-${this.subjectId}">${t("reports.space")}</label>
            <select id="report-space-${this.subjectId}" data-testid="report-space" aria-invalid=${spaceErrors.length ? "true" : "false"}
              @change=${(e: Event) => (this.spaceChoice = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.spaceChoice === ""}>${t("reports.chooseSpace")}</option>
              ${spaces.map((s) => html`<option value=${s.id} ?selected=${sameId(s.id, this.spaceChoice)}>${s.name}</option>`)}
            </select>
            ${spaceErrors.length ? html`<p class="field-error" data-testid="report-space-error">${spaceErrors.join(" ")}</p>` : nothing}
          </div>`
        : spaces.length === 1
          ? html`<p class="muted small" data-testid="report-space-only">${t("reports.onlySpace", { space: spaces[0]!.name })}</p>`
          : nothing}
      <div class="field">
        <label for="report-reason-${this.subjectId}">${t("reports.reason")}</label>
        <select id="report-reason-${this.subjectId}" data-testid="report-reason" @change=${(e: Event) => (this.reason = (e.target as HTMLSelectElement).value as ReportReason)}>
          ${reasons.map((r) => html`<option value=${r} ?selected=${r === this.reason}>${t(`reports.reason.${r}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="report-text-${this.subjectId}">${t("reports.text")}</label>
        <textarea id="report-text-${this.subjectId}" data-testid="report-text" rows="3" maxlength="1000" .value=${this.text}
          aria-invalid=${textErrors.length ? "true" : "false"} @input=${(e: InputEvent) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${textErrors.length ? html`<p class="field-error">${textErrors.join(" ")}</p>` : nothing}
      </div>
      ${other.length ? html`<p class="field-error" data-testid="report-errors">${other.join(" ")}</p>` : nothing}
      <p class="actions">
        <button class="primary" type="submit" data-testid="report-send" ?disabled=${this.busy}>${t("reports.send")}</button>
        <button type="button" @click=${() => (this.opened = false)}>${t("reports.cancel")}</button>
      </p>
    </form>`;
  }

  protected override render() {
    if (this.#reporters().length === 0) return nothing;
    const waiting = this.mine?.status === "Open";
    return html`<div class="report" data-testid="report">
      ${this.#mineView()}
      ${this.opened
        ? this.#formView()
        : waiting
          ? nothing
          : html`<button type="button" class="link small" data-testid="report-open"
              @click=${() => ((this.opened = true), (this.errors = {}), (this.status = null))}>${t("reports.open")}</button>`}
      ${this.status ? html`<p class="status ${this.status.ok ? "ok" : "error"}" role="status" data-testid="report-status">${this.status.text()}</p>` : nothing}
    </div>`;
  }
}

customElements.define("report-form", ReportForm);
