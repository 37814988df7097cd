// The form that forms an alliance, behind a button: on a tender's page an RTI for that tender (in one of the
// tender's spaces), on a firm's page a standing alliance (rete d'impresa) in one of the firm's spaces. The lead
// must be a member of the space: the spaces where it is not are shown as such, or left out. Once formed, the
// alliance's page opens.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { MembershipStatus, MyBusinessDto, NamedDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { navigate } from "../../router";
import { fieldErrorView } from "../../views";
import {
  buildFormAllianceRequest,
  chooseSpace,
  MAX_AGREEMENT,
  MAX_NAME,
  newAllianceForm,
  spaceChoices,
  type AllianceForm,
  type AllianceTender,
  type Standings,
} from "./alliance-form";
import { refusedAction, refusedFor } from "../../i18n/refusals";

type Status = { ok: boolean; text: () => string } | null;

const SHOWN = ["leadId", "spaceId", "name", "agreementText"] as const;

export interface AllianceFormOptions {
  /** The tender an RTI is for; null for a standing alliance. */
  tender(): AllianceTender | null;
  /** The firms the user may form it for (their Firms as Owner or Manager). */
  leads(): readonly MyBusinessDto[];
  /** The spaces it may be formed in: the tender's, or every space (those the lead is not a member of are left out). */
  spaces(): Promise<NamedDto[]>;
  /** The tender no longer takes bids (409): its page loads it again. */
  tenderClosed?(): void;
  redraw: Redraw;
}

/** What each of the user's firms is in each space, from the spaces' pages (each lists the viewer's firms). */
async function loadStandings(spaces: readonly NamedDto[]): Promise<Standings> {
  const details = await Promise.allSettled(spaces.map((s) => api.space(s.id)));
  const standings = new Map<string, Map<string, MembershipStatus | null>>();
  details.forEach((d, i) => {
    if (d.status === "fulfilled")
      standings.set(spaces[i]!.id.toLowerCase(), new Map(d.value.viewerFirms.map((f) => [f.firmId.toLowerCase(), f.status])));
  });
  return standings;
}

export function allianceFormPanel(options: AllianceFormOptions) {
  const { redraw } = options;
  let open = false;
  let form: AllianceForm = newAllianceForm(null, undefined);
  let candidates: NamedDto[] | null = null;
  let standings: Standings | null = null;
  let errors: FieldErrors = {};
  let status: Status = null;
  let busy = false;
  let generation = 0;

  const standing = () => options.tender() === null;
  const choices = () => {
    const all = spaceChoices(candidates ?? [], standings, form.leadId);
    // Every space there is would be a long list: a standing alliance is offered only where the lead is a member.
    return standing() ? all.filter((c) => c.eligible === true) : all;
  };

  async function start(): Promise<void> {
    const current = ++generation;
    const leads = options.leads();
    form = newAllianceForm(options.tender(), leads[0]);
    errors = {};
    status = null;
    open = true;
    redraw();
    try {
      const spaces = await options.spaces();
      if (current !== generation) return;
      candidates = spaces;
      form.spaceId = chooseSpace(choices(), form.spaceId);
      redraw();
      const loaded = await loadStandings(spaces);
      if (current !== generation) return;
      standings = loaded;
    } catch {
      if (current !== generation) return;
      candidates ??= [];
      standings = new Map();
    }
    form.spaceId = chooseSpace(choices(), form.spaceId);
    redraw();
  }

  function close(): void {
    generation++;
    open = false;
    candidates = null;
    standings = null;
    redraw();
  }

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const tender = options.tender();
    const built = buildFormAllianceRequest(form, tender?.id ?? null);
    errors = built.errors;
    status = null;
    if (Object.keys(errors).length > 0) {
      status = { ok: false, text: () => t("form.invalid") };
      redraw();
      return;
    }
    busy = true;
    redraw();
    try {
      const created = await api.formAlliance(built.body);
      status = { ok: true, text: () => t("allianceForm.formed") };
      open = false;
      navigate({ name: "alliance", id: created.id.toLowerCase() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        status = { ok: false, text: () => [t("form.invalid"), ...otherFieldMessages(errors, SHOWN)].join(" ") };
      } else {
        const problem = refusedAction(error);
        status = { ok: false, text: problem.text };
        if (refusedFor(error, "alliance.tenderClosed")) options.tenderClosed?.();
      }
    } finally {
      busy = false;
      redraw();
    }
  }

  const messages = (field: (typeof SHOWN)[number]) => fieldMessages(errors, field);
  const described = (field: string, count: number, hint?: string) =>
    ifDefined(count ? [`${field}-error`, ...(hint ? [hint] : [])].join(" ") : hint);

  function spaceField() {
    const list = choices();
    const errorsHere = messages("spaceId");
    const lead = options.leads().find((l) => l.id === form.leadId);
    if (candidates === null) return html`<p class="muted small">${t("allianceForm.loadingSpaces")}</p>`;
    if (list.length === 0 || list.every((c) => c.eligible === false))
      return html`<p class="alert warn" data-testid="alliance-no-space">${t(standing() ? "allianceForm.noSpaceStanding" : "allianceForm.noSpaceTender", { firm: lead?.name ?? "" })}</p>`;
    // An RTI in a tender published in one space needs no choice.
    if (!standing() && list.length === 1) {
      const only = list[0]!;
      return html`<p class="muted small" data-testid="alliance-space-fixed">${t("allianceForm.inSpace", { space: only.name })}</p>
        ${fieldErrorView("spaceId", errorsHere)}`;
    }
    return html`<div class="field">
      <label for="alliance-space">${t("allianceForm.space")}</label>
      <select id="alliance-space" data-testid="alliance-space" @change=${(e: Event) => (form.spaceId = (e.target as HTMLSelectElement).value)}
        aria-invalid=${errorsHere.length ? "true" : "false"} aria-describedby=${described("alliance-space", errorsHere.length, "alliance-space-hint")}>
        ${list.map(
          (c) => html`<option value=${c.id} ?selected=${c.id === form.spaceId} ?disabled=${c.eligible === false}>${c.eligible === false
            ? t("allianceForm.notMember", { space: c.name })
            : c.name}</option>`,
        )}
      </select>
      <small class="hint" id="alliance-space-hint">${t("allianceForm.spaceHint")}</small>
      ${fieldErrorView("spaceId", errorsHere, "alliance-space-error")}
    </div>`;
  }

  function formView() {
    const leads = options.leads();
    const tender = options.tender();
    const leadErrors = messages("leadId");
    const nameErrors = messages("name");
    const agreementErrors = messages("agreementText");
    const noSpace = candidates !== null && !choices().some((c) => c.eligible !== false);
    return html`<form class="alliance-form" data-testid="alliance-form" novalidate @submit=${submit}>
      <h3>${t(tender ? "allianceForm.titleRti" : "allianceForm.titleStanding")}</h3>
      <p class="muted small">${t(tender ? "allianceForm.introRti" : "allianceForm.introStanding")}</p>
      <div class="field">
        <label for="alliance-lead">${t("allianceForm.lead")}</label>
        <select id="alliance-lead" data-testid="alliance-lead"
          @change=${(e: Event) => {
            form.leadId = (e.target as HTMLSelectElement).value;
            form.spaceId = chooseSpace(choices(), form.spaceId);
            redraw();
          }}
          aria-invalid=${leadErrors.length ? "true" : "false"} aria-describedby=${described("alliance-lead", leadErrors.length, "alliance-lead-hint")}>
          ${leads.map((l) => html`<option value=${l.id} ?selected=${l.id === form.leadId}>${l.name}</option>`)}
        </select>
        <small class="hint" id="alliance-lead-hint">${t("allianceForm.leadHint")}</small>
        ${fieldErrorView("leadId", leadErrors, "alliance-lead-error")}
      </div>
      ${spaceField()}
      <div class="field">
        <label for="alliance-name">${t("allianceForm.name")}</label>
        <input id="alliance-name" data-testid="alliance-name" maxlength=${MAX_NAME} autocomplete="off" .value=${live(form.name)}
          @input=${(e: InputEvent) => (form.name = (e.target as HTMLInputElement).value)}
          aria-invalid=${nameErrors.length ? "true" : "false"} aria-describedby=${described("alliance-name", nameErrors.length)} />
        ${fieldErrorView("name", nameErrors, "alliance-name-error")}
      </div>
      <div class="field">
        <label for="alliance-agreement">${t(tender ? "allianceForm.agreementRti" : "allianceForm.agreementStanding")}</label>
        <textarea id="alliance-agreement" data-testid="alliance-agreement" rows="12" maxlength=${MAX_AGREEMENT} .value=${live(form.agreementText)}
          @input=${(e: InputEvent) => (form.agreementText = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${agreementErrors.length ? "true" : "false"}
          aria-describedby=${described("alliance-agreement", agreementErrors.length, "alliance-agreement-hint")}></textarea>
        <small class="hint" id="alliance-agreement-hint">${t("allianceForm.agreementHint")}</small>
        ${fieldErrorView("agreementText", agreementErrors, "alliance-agreement-error")}
      </div>
      <p class="actions">
        <button type="submit" class="primary" data-testid="form-alliance-submit" ?disabled=${busy || noSpace}>
          ${t(busy ? "allianceForm.forming" : tender ? "allianceForm.submitRti" : "allianceForm.submitStanding")}</button>
        <button type="button" ?disabled=${busy} @click=${close}>${t("tenderForm.cancel")}</button>
      </p>
      <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="form-alliance-status">${status?.text() ?? ""}</p>
    </form>`;
  }

  return {
    isOpen: () => open,
    view() {
      if (options.leads().length === 0) return nothing;
      if (open) return formView();
      return html`<p class="actions">
          <button type="button" class="primary" data-testid="form-alliance" @click=${() => void start()}>
            ${t(options.tender() ? "allianceForm.openRti" : "allianceForm.openStanding")}</button>
        </p>
        ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="form-alliance-status">${status.text()}</p>` : nothing}`;
    },
    dispose: () => void generation++,
  };
}
