// A business's face: its logo where it has one (served at the address its profile and lists give), else its initials
// on a neutral badge, so that every list of businesses reads the same way.
import { html } from "lit-html";

/** Words that say what a business is, not who: legal forms and linking words, left out of its initials. */
const notNames = new Set(["srl", "srls", "spa", "snc", "sas", "soc", "coop", "scarl", "scrl", "di", "del", "della", "dei", "delle", "e", "ed", "the", "of", "and"]);

/** One or two letters for a business: "Edilizia Rossi S.r.l." → "ER", "Comune di Casalecchio di Reno" → "CC". */
export function businessInitials(name: string): string {
  const words = name
    .split(/[\s\-–—/&,()]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w !== "" && !notNames.has(w.toLowerCase()));
  const letters = words.slice(0, 2).map((w) => w[0]!.toLocaleUpperCase());
  return letters.join("") || "?";
}

/**
 * The logo (small in lists, large on the business's page), with the name as its text for whoever cannot see it; the
 * initials badge is decoration, since the name is always written beside it.
 */
export function logoView(name: string, logo: string | null | undefined, size: "small" | "large" = "small") {
  const pixels = size === "small" ? 32 : 72;
  return logo
    ? html`<img class="business-logo ${size}" data-testid="business-logo" src=${logo} alt=${name} width=${pixels} height=${pixels} loading="lazy" />`
    : html`<span class="business-logo ${size} initials" data-testid="business-initials" aria-hidden="true">${businessInitials(name)}</span>`;
}
