// The form that forms an alliance, and the FormAllianceRequest it sends: a lead among the firms the server says the
// user forms alliances for, a space where the server says it may (AllianceLeadChoiceDto, judged by
// AllianceState.CheckFormIn), a name and the first version of the agreement (their limits as in CheckForm).
import { coded, type FieldErrors } from "../../api/problem";
import type { AllianceLeadChoiceDto, AllianceSpaceChoiceDto, FormAllianceRequest, MyBusinessDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t, textIn } from "../../i18n";
import type { Built } from "../tenders/tender-form";

export const MIN_NAME = 3;
export const MAX_NAME = 120;
export const MAX_AGREEMENT = 20_000;
export const MAX_REASON = 1000;

export interface AllianceForm {
  leadId: string;
  spaceId: string;
  name: string;
  agreementText: string;
}

/** The tender an RTI is for; none for a standing alliance (rete d'impresa). */
export interface AllianceTender {
  id: string;
  title: string;
}

/** A name fits the server's limit: a long tender title is cut short. */
const fitName = (name: string): string => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1).trimEnd()}…` : name);

/**
 * The agreement to start from, in Italian and in English, whatever the lead's UI language: every firm invited reads
 * it and must be able to understand what it accepts. The Italian text prevails, as the note at the top says in both.
 */
export function startingAgreement(tender: AllianceTender | null): string {
  const key = tender ? "allianceForm.template.rti" : "allianceForm.template.standing";
  const params = tender ? { tender: tender.title } : {};
  return [
    `${textIn("it", "allianceForm.template.note")}\n${textIn("en", "allianceForm.template.note")}`,
    textIn("it", key, params),
    "————————————————",
    textIn("en", key, params),
  ].join("\n\n");
}

/** The form as it opens: the first lead, a name in the UI's language and the agreement to start from, in both. */
export function newAllianceForm(tender: AllianceTender | null, lead: Pick<MyBusinessDto, "id" | "name"> | undefined): AllianceForm {
  return {
    leadId: lead?.id ?? "",
    spaceId: "",
    name: fitName(tender ? t("allianceForm.defaultName.rti", { tender: tender.title }) : t("allianceForm.defaultName.standing", { firm: lead?.name ?? "" })),
    agreementText: startingAgreement(tender),
  };
}

/** The spaces the chosen lead could lead an alliance in, as the server lists them for it. */
export const spacesOf = (leads: readonly AllianceLeadChoiceDto[], leadId: string): AllianceSpaceChoiceDto[] =>
  leads.find((l) => l.firm.id.toLowerCase() === leadId.toLowerCase())?.spaces ?? [];

/** The server lets the lead form the alliance in at least one of its spaces. */
export const formsSomewhere = (lead: AllianceLeadChoiceDto): boolean => lead.spaces.some((s) => allows(s.actions, "Form"));

/** The lead a new form starts with: the first that may form somewhere, else the first (whose reason the form shows). */
export const firstLead = (leads: readonly AllianceLeadChoiceDto[]): AllianceLeadChoiceDto | undefined => leads.find(formsSomewhere) ?? leads[0];

/** Keeps the chosen space while the server lets the lead form there, else the first where it does; none when nowhere. */
export function chooseSpace(spaces: readonly AllianceSpaceChoiceDto[], current: string): string {
  const open = spaces.filter((s) => allows(s.actions, "Form"));
  return (open.find((s) => s.space.id === current) ?? open[0])?.space.id ?? "";
}

const blank = (text: string): boolean => text.trim() === "";

/**
 * The request, and the problems found before sending it (keyed as the server keys them: send nothing while
 * there are any). `tenderId` null forms a standing alliance.
 */
export function buildFormAllianceRequest(form: AllianceForm, tenderId: string | null): Built<FormAllianceRequest> {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  const agreementText = form.agreementText.trim();
  if (form.leadId === "") errors.leadId = [coded("input.fieldRequired")];
  if (form.spaceId === "") errors.spaceId = [coded("input.fieldRequired")];
  if (name.length < MIN_NAME || name.length > MAX_NAME) errors.name = [coded("alliance.name", { min: String(MIN_NAME), max: String(MAX_NAME) })];
  if (blank(agreementText) || agreementText.length > MAX_AGREEMENT)
    errors.agreementText = [coded("alliance.agreementText", { max: String(MAX_AGREEMENT) })];
  return { errors, body: { leadId: form.leadId, spaceId: form.spaceId, tenderId, name, agreementText } };
}

/** New terms the lead publishes: the same rule as the first version (the server's field is `text`). */
export function checkAgreementText(text: string): FieldErrors {
  const trimmed = text.trim();
  return blank(trimmed) || trimmed.length > MAX_AGREEMENT ? { text: [coded("alliance.agreementText", { max: String(MAX_AGREEMENT) })] } : {};
}

/** Removing a firm or withdrawing an invitation says why (the firm sees it), in at most 1000 characters. */
export function checkReason(reason: string): FieldErrors {
  const trimmed = reason.trim();
  return blank(trimmed) || trimmed.length > MAX_REASON ? { reason: [coded("alliance.removeReason", { max: String(MAX_REASON) })] } : {};
}
