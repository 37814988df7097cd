// The partner suggestions as shown: the firms of the space that would complete a lot's requirements the alliance
// fails (first, with what each completes) or fill the coverage's gaps, ranked by the server, the small set of them that covers every gap it can, and the gaps no firm of the space covers. Invitations
// are offered when the alliance's snapshot allows its viewer to invite (the lead's editors, while there is room); a
// firm already in the alliance (active or invited), or invited from here, shows as invited.
import type { AllianceDto, SuggestedFirmDto, SuggestionsDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t, type Lang } from "../../i18n";
import { codeLabel } from "./coverage";

export interface GapCode {
  code: string;
  /** In the UI's language, else the other one, else the code itself. */
  label: string;
}

/** A lot's requirement the firm would complete, in words: "Completa OS30 classe I", in lot 1, with or without the lot qualifying. */
export interface Completion {
  text: string;
  /** For tests and styling: the category code, or the figure's kind. */
  what: string;
  lot: number;
  lotQualifies: boolean;
}

export interface SuggestionRow {
  id: string;
  name: string;
  completes: Completion[];
  covers: GapCode[];
  /** "12 km", "3,5 km"; null when the distance is unknown. */
  distance: string | null;
  verified: boolean;
  jointProjects: number;
  /** Already in the alliance (active or invited), or invited from here. */
  invited: boolean;
  /** The invite button is shown (the viewer edits for the lead); disabled when invited. */
  invite: boolean;
}

export interface SuggestionsModel {
  /** There is something to suggest: the coverage has gaps, or some firm completes a lot's requirements. */
  visible: boolean;
  gaps: GapCode[];
  cover: SuggestionRow[];
  ranked: SuggestionRow[];
  uncoverable: GapCode[];
  /** "Invite them all" is shown: the viewer edits for the lead and some firm of the set is not invited yet. */
  inviteCover: boolean;
}

const unique = (codes: readonly { code: string; labelIt: string; labelEn: string }[], lang: Lang): GapCode[] => {
  const seen = new Set<string>();
  return codes.filter((c) => !seen.has(c.code) && seen.add(c.code)).map((c) => ({ code: c.code, label: codeLabel(c, lang) }));
};

/** A distance in km as shown: whole kilometres from 10 up, one decimal below, "< 1 km" under half a kilometre. */
export function formatDistance(km: number | null, lang: Lang): string | null {
  if (km === null || !Number.isFinite(km) || km < 0) return null;
  const locale = lang === "it" ? "it-IT" : "en-GB";
  if (km < 0.5) return `< ${new Intl.NumberFormat(locale).format(1)} km`;
  const digits = km < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(km)} km`;
}

/** The firms already in the alliance, active or invited, by lower-case id. */
export const takenFirms = (alliance: Pick<AllianceDto, "members">): Set<string> =>
  new Set(alliance.members.filter((m) => m.standing === "Active" || m.standing === "Invited").map((m) => m.firmId.toLowerCase()));

type CompletionDto = SuggestedFirmDto["completes"][number];

/** What a firm completes, in words (the server judged it by the qualification rules). */
export function completionText(c: CompletionDto): string {
  if (c.kind === "Turnover") return t("jointBid.suggestions.completesTurnover");
  if (c.kind === "SimilarWork") return t("jointBid.suggestions.completesSimilarWork");
  return t("jointBid.suggestions.completesCategory", { category: c.category ?? "", class: c.classLabel ?? "" });
}

/** Whether the suggestions have a firm that would complete some lot's requirements. */
export const completesAny = (dto: SuggestionsDto | null): boolean => dto !== null && dto.ranked.some((s) => s.completes.length > 0);

export function suggestionsModel(
  dto: SuggestionsDto,
  alliance: Pick<AllianceDto, "members" | "actions">,
  invitedHere: ReadonlySet<string>,
  lang: Lang,
): SuggestionsModel {
  const taken = takenFirms(alliance);
  const mayInvite = allows(alliance.actions, "Invite");
  const row = (s: SuggestedFirmDto): SuggestionRow => {
    const id = s.firm.id.toLowerCase();
    return {
      id: s.firm.id,
      name: s.firm.name,
      completes: s.completes.map((c) => ({ text: completionText(c), what: c.category ?? c.kind, lot: c.lot, lotQualifies: c.lotQualifies })),
      covers: unique(s.covers, lang),
      distance: formatDistance(s.distanceKm, lang),
      verified: s.verified,
      jointProjects: Math.max(0, s.jointProjects),
      invited: taken.has(id) || invitedHere.has(id),
      invite: mayInvite,
    };
  };
  const gaps = unique(dto.gaps, lang);
  const cover = dto.cover.map(row);
  return {
    visible: gaps.length > 0 || completesAny(dto),
    gaps,
    cover,
    ranked: dto.ranked.map(row),
    uncoverable: unique(dto.uncoverable, lang),
    inviteCover: mayInvite && cover.some((c) => !c.invited),
  };
}
