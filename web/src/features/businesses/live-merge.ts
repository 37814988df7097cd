import type { BusinessProfileDto } from "../../api/types";

export type ProfileField = Exclude<keyof BusinessProfileDto, "id" | "version" | "updatedAt" | "actions" | "kindFields">;

const fields: readonly ProfileField[] = [
  "kind", "name", "vatNumber", "taxCode", "description", "capabilities", "tags", "locality",
  "address", "size", "website", "contactEmail", "contactPhone", "logo",
];

export interface LiveMerge {
  profile: BusinessProfileDto;
  /** Fields whose value differs from what was shown, to highlight them. */
  changed: ProfileField[];
}

/**
 * Decides what a live update (or a re-fetch) does to the profile on screen: an older or equal
 * version, or another business, is ignored (null); a newer one replaces it.
 */
export function mergeLiveUpdate(shown: BusinessProfileDto | null, incoming: BusinessProfileDto): LiveMerge | null {
  if (shown === null) return { profile: incoming, changed: [] };
  if (incoming.id.toLowerCase() !== shown.id.toLowerCase() || incoming.version <= shown.version) return null;
  const changed = fields.filter((field) => JSON.stringify(shown[field]) !== JSON.stringify(incoming[field]));
  return { profile: incoming, changed };
}
