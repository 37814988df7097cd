// The form that forms an alliance, and the FormAllianceRequest it sends: a lead among the user's firms, the space
// it is formed in (the lead must be a member), a name and the first version of the agreement. Rules as in
// Marketplace.Grains/Alliances/AllianceState.cs (CheckForm).
import { coded, type FieldErrors } from "../../api/problem";
import type { FormAllianceRequest, MembershipStatus, MyBusinessDto, NamedDto } from "../../api/types";
import { t } from "../../i18n";
import { canManage } from "../businesses/roles";
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

/** The firms the user may form an alliance for: Firms they are an Owner or Manager of. */
export const leadCandidates = (mine: readonly MyBusinessDto[]): MyBusinessDto[] =>
  mine.filter((b) => b.kind === "Firm" && canManage(b.role));

/** The tender an RTI is for; none for a standing alliance (rete d'impresa). */
export interface AllianceTender {
  id: string;
  title: string;
}

/** A name fits the server's limit: a long tender title is cut short. */
const fitName = (name: string): string => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1).trimEnd()}…` : name);

/** The form as it opens: the first lead, a name and an agreement to start from, in the UI's language. */
export function newAllianceForm(tender: AllianceTender | null, lead: Pick<MyBusinessDto, "id" | "name"> | undefined): AllianceForm {
  return {
    leadId: lead?.id ?? "",
    spaceId: "",
    name: fitName(tender ? t("allianceForm.defaultName.rti", { tender: tender.title }) : t("allianceForm.defaultName.standing", { firm: lead?.name ?? "" })),
    agreementText: tender ? t("allianceForm.template.rti", { tender: tender.title }) : t("allianceForm.template.standing"),
  };
}

/**
 * What the viewer's firms are in each space: space id → firm id → standing (lower-case ids). Unknown (null) until
 * the spaces are loaded, or when they could not be.
 */
export type Standings = ReadonlyMap<string, ReadonlyMap<string, MembershipStatus | null>>;

export interface SpaceChoice {
  id: string;
  name: string;
  /** The lead is a member of the space (true), is not (false), or nobody knows yet (null). */
  eligible: boolean | null;
}

/** The spaces the alliance may be formed in, and whether the chosen lead is a member of each. */
export function spaceChoices(candidates: readonly NamedDto[], standings: Standings | null, leadId: string): SpaceChoice[] {
  return candidates.map((s) => {
    const known = standings?.get(s.id.toLowerCase());
    return { id: s.id, name: s.name, eligible: known === undefined ? null : known.get(leadId.toLowerCase()) === "Member" };
  });
}

/** Keeps the chosen space while the lead may form there; otherwise the first where it surely may, else the first that may do. */
export function chooseSpace(choices: readonly SpaceChoice[], current: string): string {
  const kept = choices.find((c) => c.id === current && c.eligible !== false);
  return (kept ?? choices.find((c) => c.eligible === true) ?? choices.find((c) => c.eligible === null))?.id ?? "";
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
