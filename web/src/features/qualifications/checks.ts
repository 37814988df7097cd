// The associations' checks of a firm's qualifications, beside what they checked: on the firm's page, in its space's
// admin area and in an alliance's qualification view. The server sends only the checks that still hold (what the firm
// records now is what was checked), so showing one is showing the truth.
import { html, nothing } from "lit-html";
import type { QualificationCheckDto } from "../../api/types";
import { formatDate, t } from "../../i18n";

/** The checks of one attestation (its category) or, for null, of the figures. */
export const checksOf = (checks: readonly QualificationCheckDto[], category: string | null): QualificationCheckDto[] =>
  checks.filter((c) => (c.category ?? null) === category);

/** "Verificato dall'associazione «space» il …" for each check of the attestation or figures; nothing when none holds. */
export function checkedView(checks: readonly QualificationCheckDto[], category: string | null) {
  const mine = checksOf(checks, category);
  return mine.length
    ? mine.map(
        (c) => html`<span class="badge ok qualification-checked" data-testid="qualification-checked" data-space-id=${c.spaceId}
          >${t("qualifications.checkedBy", { space: c.spaceName, day: formatDate(c.checkedAt) })}</span>`,
      )
    : nothing;
}
