// Small views that the space pages share.
import { html, nothing } from "lit-html";
import type { MembershipStatus, SpaceVisibility } from "../../api/types";
import { t } from "../../i18n";
import { findProvince } from "../../reference/provinces";
import type { ComuneName } from "../../reference/comuni";

export const visibilityBadge = (visibility: SpaceVisibility) =>
  html`<span class="badge visibility-${visibility.toLowerCase()}" title=${t(`visibility.${visibility}.hint`)}
    data-visibility=${visibility}>${t(`visibility.${visibility}`)}</span>`;

/** A firm's standing as a coloured badge; `none` for a firm never involved. */
export const statusBadge = (status: MembershipStatus | null, testid?: string) =>
  html`<span class="badge status status-${(status ?? "none").toLowerCase()}" data-testid=${testid ?? nothing}
    data-status=${status ?? "none"}>${t(`status.${status ?? "none"}`)}</span>`;

/** The association's mark: it vouches for the firm's current size class and VAT number. */
export const verifiedBadge = () =>
  html`<span class="badge verified" data-testid="verified-badge" title=${t("verified.hint")}><span class="check" aria-hidden="true">✓</span>${t("verified.badge")}</span>`;

/** "Bologna (BO)"; a sigla the client does not know is shown as it is. */
export const provinceLabel = (sigla: string): string => {
  const province = findProvince(sigla);
  return province ? `${province.name} (${province.sigla})` : sigla;
};

/**
 * The territory as chips: provinces, then comuni. `names` is null while the comuni's names are loading
 * (they are shown then), undefined when they could not be loaded (codes are shown instead).
 */
export function territoryView(provinces: readonly string[], comuni: readonly string[], names: Map<string, ComuneName> | null | undefined) {
  if (provinces.length === 0 && comuni.length === 0) return html`<p class="muted">${t("spaces.territory.none")}</p>`;
  const comune = (code: string) => {
    const found = names?.get(code);
    return found ? `${found.name} (${found.sigla})` : t("spaces.territory.comuneCode", { code });
  };
  return html`
    ${provinces.length
      ? html`<p class="territory-line"><span class="label">${t("spaces.territory.provinces")}</span>
          ${provinces.map((sigla) => html`<span class="chip plain" data-sigla=${sigla}>${provinceLabel(sigla)}</span>`)}</p>`
      : nothing}
    ${comuni.length && names !== null
      ? html`<p class="territory-line"><span class="label">${t("spaces.territory.comuni")}</span>
          ${comuni.map((code) => html`<span class="chip plain" data-code=${code}>${comune(code)}</span>`)}</p>`
      : nothing}
  `;
}
