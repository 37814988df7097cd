// The space forms' state, and the requests the server gets from them.
import type {
  ApplyRequest,
  CreateSpaceRequest,
  DecisionRequest,
  EditSpaceSettingsRequest,
  MembershipDecision,
  PublishPolicyRequest,
  SpaceDetailDto,
  SpaceVisibility,
} from "../../api/types";

export interface ChosenComune {
  code: string;
  /** "Comune (PR)", as the picker showed it. */
  label: string;
}

/** The settings form (create and edit); `hostId` and `policyText` are used only when creating. */
export interface SpaceForm {
  hostId: string;
  name: string;
  description: string;
  provinces: string[];
  comuni: ChosenComune[];
  visibility: SpaceVisibility;
  /** As typed; left empty when creating, the server's default applies. */
  minimumTenderingDays: string;
  policyText: string;
  /** New notice-board posts wait for the admins' approval (edited on an existing space; a new one starts without). */
  postsNeedApproval: boolean;
}

export const emptySpaceForm = (hostId = ""): SpaceForm => ({
  hostId,
  name: "",
  description: "",
  provinces: [],
  comuni: [],
  // A directory shown to members only is the cautious default: the association opens it up if it wants.
  visibility: "MembersOnly",
  minimumTenderingDays: "",
  policyText: "",
  postsNeedApproval: false,
});

/** The edit form for a space, naming its comuni with `label(code)` (codes the client cannot name stay codes). */
export function formFromDetail(detail: SpaceDetailDto, label: (code: string) => string | undefined): SpaceForm {
  return {
    hostId: detail.summary.hostId,
    name: detail.summary.name,
    description: detail.summary.description ?? "",
    provinces: [...detail.territoryProvinces],
    comuni: detail.territoryComuni.map((code) => ({ code, label: label(code) ?? code })),
    visibility: detail.summary.visibility,
    minimumTenderingDays: String(detail.minimumTenderingDays),
    policyText: detail.policy.text,
    postsNeedApproval: detail.postsNeedApproval,
  };
}

const optional = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** A whole number of days as typed; anything else goes as typed, for the server to name the field. */
const days = (value: string): number | null => (value.trim() === "" ? null : Number(value.trim()));

/** Each code once, in the order chosen. */
const distinct = (codes: readonly string[]): string[] => [...new Set(codes)];

export function buildCreateSpaceRequest(form: SpaceForm): CreateSpaceRequest {
  return {
    hostId: form.hostId,
    name: form.name.trim(),
    description: optional(form.description),
    territoryComuni: distinct(form.comuni.map((c) => c.code)),
    territoryProvinces: distinct(form.provinces),
    visibility: form.visibility,
    minimumTenderingDays: days(form.minimumTenderingDays),
    // Sent as typed (the server trims it): a policy's line breaks and indentation are part of it.
    policyText: form.policyText.trim() === "" ? null : form.policyText,
  };
}

export function buildEditSettingsRequest(form: SpaceForm, version: number): EditSpaceSettingsRequest {
  return {
    version,
    name: form.name.trim(),
    description: optional(form.description),
    territoryComuni: distinct(form.comuni.map((c) => c.code)),
    territoryProvinces: distinct(form.provinces),
    visibility: form.visibility,
    minimumTenderingDays: days(form.minimumTenderingDays),
    postsNeedApproval: form.postsNeedApproval,
  };
}

export const buildApplyRequest = (firmId: string, message: string, policyVersion: number): ApplyRequest => ({
  firmId,
  message: optional(message),
  acceptedPolicyVersion: policyVersion,
});

export const buildDecisionRequest = (decision: MembershipDecision, reason: string): DecisionRequest => ({
  decision,
  reason: optional(reason),
});

export const buildPublishRequest = (text: string): PublishPolicyRequest => ({ text: text.trim() === "" ? null : text });

/** Whether a draft would publish anything new: blank lines and spaces around it do not count. */
export const policyChanged = (draft: string, current: string): boolean => draft.trim() !== current.trim();
