import type { MemberRole } from "../../api/types";

/** Owners and Managers edit the profile and add members; Viewers only look. */
export const canManage = (role: MemberRole | null): boolean => role === "Owner" || role === "Manager";
