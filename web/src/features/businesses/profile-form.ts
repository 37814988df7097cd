// The edit form's state, and the EditProfileRequest the server gets from it. The fields bound to the business's kind
// (a firm's VAT number and size, a buyer's or an association's tax code) are those the server lists in kindFields.
import type { BusinessProfileDto, BusinessSize, CapabilityDto, EditProfileRequest } from "../../api/types";
import { comuneLabel } from "./format";

/** A field that only some kinds of business give. */
export type KindField = "vatNumber" | "size" | "taxCode";

export interface ProfileForm {
  version: number;
  /** The kind-bound fields this business gives, as the server says (BusinessProfileDto.kindFields). */
  kindFields: readonly KindField[];
  name: string;
  vatNumber: string;
  taxCode: string;
  description: string;
  capabilities: CapabilityDto[];
  /** As typed: comma-separated. */
  tags: string;
  comune: { code: string; label: string } | null;
  address: string;
  size: BusinessSize | "";
  website: string;
  contactEmail: string;
  contactPhone: string;
}

export type TextField = "name" | "vatNumber" | "taxCode" | "description" | "tags" | "address" | "website" | "contactEmail" | "contactPhone";

export function formFromProfile(profile: BusinessProfileDto): ProfileForm {
  return {
    version: profile.version,
    kindFields: profile.kindFields.filter((f): f is KindField => f === "vatNumber" || f === "size" || f === "taxCode"),
    name: profile.name,
    vatNumber: profile.vatNumber ?? "",
    taxCode: profile.taxCode ?? "",
    description: profile.description ?? "",
    capabilities: profile.capabilities,
    tags: profile.tags.join(", "),
    comune: profile.locality
      ? { code: profile.locality.comuneCode, label: comuneLabel(profile.locality.name, profile.locality.provinceSigla) }
      : null,
    address: profile.address ?? "",
    size: profile.size ?? "",
    website: profile.website ?? "",
    contactEmail: profile.contactEmail ?? "",
    contactPhone: profile.contactPhone ?? "",
  };
}

/** Tags from comma- or line-separated text: trimmed, no empties, no repeats (ignoring case). */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (tag !== "" && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

const optional = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** Whether the business's kind gives this field, so the form shows it and sends it. */
export const gives = (form: Pick<ProfileForm, "kindFields">, field: KindField): boolean => form.kindFields.includes(field);

export function buildEditRequest(form: ProfileForm): EditProfileRequest {
  return {
    version: form.version,
    name: form.name.trim(),
    vatNumber: gives(form, "vatNumber") ? optional(form.vatNumber) : null,
    taxCode: gives(form, "taxCode") ? optional(form.taxCode) : null,
    description: optional(form.description),
    capabilities: form.capabilities.map((c) => c.code),
    tags: splitTags(form.tags),
    comuneCode: form.comune?.code ?? null,
    address: optional(form.address),
    size: !gives(form, "size") || form.size === "" ? null : form.size,
    website: optional(form.website),
    contactEmail: optional(form.contactEmail),
    contactPhone: optional(form.contactPhone),
  };
}
