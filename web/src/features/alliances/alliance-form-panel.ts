// The form that forms an alliance, behind a button: on a tender's page an RTI for that tender (in one of the
// tender's spaces), on a firm's page a standing alliance (rete d'impresa) in a space the firm has dealt with. Who may
// lead it and in which spaces is the server's answer (GET /api/alliances/choices, judged by the rule the command
// runs); a space where it may not says why. Once formed, the alliance's page opens.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { AllianceLeadChoiceDto, AllianceSpaceChoiceDto } from "../../api/types";
import { allows, blockersOf } from "../../api/viewer-actions";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { navigate } from "../../router";
import { fieldErrorView } from "../../views";
import {
  buildFormAllianceRequest,
  chooseSpace,
  firstLead,
  formsSomewhere,
  MAX_AGREEMENT,
  MAX_NAME,
  newAllianceForm,
  spacesOf,
  type AllianceForm,
  type AllianceTender,
} from "./alliance-form";
import { refusalText, refusedAction, refusedFor } from "../../i18n/refusals";

type Status = { ok: boolean; text: () => string } | null;

const SHOWN = ["leadId", "spaceId", "name", "agreementText"] as const;

export interface AllianceFormOptions {
  /** The tender an RTI is for; null for a standing alliance. */
  tender(): AllianceTender | null;
  /** The one firm it is formed for (a firm's page); null for any the user forms alliances for. */
  leadId: string | null;
  /** The tender no longer takes bids (409): its page loads it again. */
  tenderClosed?(): void;
  redraw: Redraw;
}

export function allianceFormPanel(options: AllianceFormOptions) {
  const { redraw } = options;
  let open = false;
  let form: AllianceForm = newAllianceForm(null, undefined);
  /** The firms the user may lead an alliance with, and where, as the server last said; null until it has. */
  let leads: AllianceLeadChoiceDto[] | null = null;
  let loading = false;
  let errors: FieldErrors = {};
  let status: Status = null;
  let busy = false;
  let generation = 0;

  const spaces = (): AllianceSpaceChoiceDto[] => spacesOf(leads ?? [], form.leadId);

  /** Asks the server where the user may form an alliance; a failure leaves the form unoffered. */
  async function load(): Promise<void> {
    if (loading) return;
    loading = true;
    const current = ++generation;
    const tender = options.tender();
    try {
      const fresh = await api.allianceFormChoices(tender?.id ?? null, options.leadId);
      if (current !== generation) return;
      leads = fresh;
      form.spaceId = chooseSpace(spaces(), form.spaceId);
    } catch {
      if (current === generation) leads ??= [];
    } finally {
      loading = false;
      if (current === generation) redraw();
    }
  }

  function start(): void {
    const first = firstLead(leads ?? [])?.firm;
    form = newAllianceForm(options.tender(), first);
    form.spaceId = chooseSpace(spaces(), "");
    errors = {};
    status = null;
    open = true;
    redraw();
  }

  function close(): void {
    open = false;
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
        // Where it may be formed changed meanwhile (the tender closed, the lead left a space): asked again.
        if (problem.reload) void load();
      }
    } finally {
      busy = false;
      redraw();
    }
  }

  const messages = (field: (typeof SHOWN)[number]) => fieldMessages(errors, field);
  const described = (field: string, count: number, hint?: string) =>
    ifDefined(count ? [`${field}-error`, ...(hint ? [hint] : [])].join(" ") : hint);

  /** Why the lead may not form the alliance in the space now, in the refusal's words; null when it may. */
  const blockerText = (choice: AllianceSpaceChoiceDto): string | null => {
    const blocker = blockersOf(choice.actions, "Form")[0];
    return blocker ? (refusalText(blocker.code, blocker.args) ?? blocker.code) : null;
  };

  /** Why the lead may form the alliance in none of its spaces: not a member of any says so in a sentence, another reason (the tender closed, an alliance already) in its own words. */
  function nowhereView(lead: AllianceLeadChoiceDto) {
    const other = lead.spaces.map((c) => blockersOf(c.actions, "Form")[0]).find((b) => b !== undefined && b.code !== "alliance.leadNotInSpace");
    return html`<p class="alert warn" data-testid="alliance-no-space" data-firm-id=${lead.firm.id} data-code=${other?.code ?? "alliance.leadNotInSpace"}>${other
      ? (refusalText(other.code, other.args) ?? other.code)
      : t(options.tender() ? "allianceForm.noSpaceTender" : "allianceForm.noSpaceStanding", { firm: lead.firm.name })}</p>`;
  }

  function spaceField() {
    const list = spaces();
    const errorsHere = messages("spaceId");
    const lead = leads?.find((l) => l.firm.id === form.leadId);
    if (lead && !formsSomewhere(lead)) return nowhereView(lead);
    // A tender published in one space needs no choice.
    if (options.tender() && list.length === 1) {
      const only = list[0]!;
      return html`<p class="muted small" data-testid="alliance-space-fixed">${t("allianceForm.inSpace", { space: only.space.name })}</p>
        ${fieldErrorView("spaceId", errorsHere)}`;
    }
    return html`<div class="field">
      <label for="alliance-space">${t("allianceForm.space")}</label>
      <select id="alliance-space" data-testid="alliance-space" @change=${(e: Event) => (form.spaceId = (e.target as HTMLSelectElement).value)}
        aria-invalid=${errorsHere.length ? "true" : "false"} aria-describedby=${described("alliance-space", errorsHere.length, "alliance-space-hint")}>
        ${list.map((c) => {
          const why = blockerText(c);
          return html`<option value=${c.space.id} ?selected=${c.space.id === form.spaceId} ?disabled=${why !== null}
            data-code=${ifDefined(blockersOf(c.actions, "Form")[0]?.code)}>${why ? `${c.space.name} — ${why}` : c.space.name}</option>`;
        })}
      </select>
      <small class="hint" id="alliance-space-hint">${t("allianceForm.spaceHint")}</small>
      ${fieldErrorView("spaceId", errorsHere, "alliance-space-error")}
    </div>`;
  }

  function formView() {
    const tender = options.tender();
    const leadErrors = messages("leadId");
    const nameErrors = messages("name");
    const agreementErrors = messages("agreementText");
    const noSpace = !spaces().some((c) => allows(c.actions, "Form"));
    return html`<form class="alliance-form" data-testid="alliance-form" novalidate @submit=${submit}>
      <h3>${t(tender ? "allianceForm.titleRti" : "allianceForm.titleStanding")}</h3>
      <p class="muted small">${t(tender ? "allianceForm.introRti" : "allianceForm.introStanding")}</p>
      <div class="field">
        <label for="alliance-lead">${t("allianceForm.lead")}</label>
        <select id="alliance-lead" data-testid="alliance-lead"
          @change=${(e: Event) => {
            form.leadId = (e.target as HTMLSelectElement).value;
            form.spaceId = chooseSpace(spaces(), form.spaceId);
            redraw();
          }}
          aria-invalid=${leadErrors.length ? "true" : "false"} aria-describedby=${described("alliance-lead", leadErrors.length, "alliance-lead-hint")}>
          ${(leads ?? []).map((l) => html`<option value=${l.firm.id} ?selected=${l.firm.id === form.leadId}>${l.firm.name}</option>`)}
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
    /** The firms the user may lead an alliance with here, as the server said; null until it has (the first view asks). */
    leads: () => leads,
    view() {
      if (leads === null) {
        void load();
        return nothing;
      }
      if (leads.length === 0) return nothing;
      if (open) return formView();
      // No firm of the user may form one here: the reasons are shown, and no form is offered.
      if (!leads.some(formsSomewhere)) return html`${leads.map(nowhereView)}`;
      return html`<p class="actions">
          <button type="button" class="primary" data-testid="form-alliance" @click=${start}>
            ${t(options.tender() ? "allianceForm.openRti" : "allianceForm.openStanding")}</button>
        </p>
        ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="form-alliance-status">${status.text()}</p>` : nothing}`;
    },
    /** Asks the server again (an alliance of the user's firms changed: where they may form one may have too). */
    reload: () => void (leads !== null && load()),
    dispose: () => void generation++,
  };
}
