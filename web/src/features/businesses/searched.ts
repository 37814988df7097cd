// What the directory understood of the search words, said back to the person: a trade, a place, codes.
import { html, nothing } from "lit-html";
import type { DirectorySearchedDto } from "../../api/types";
import { localized, t } from "../../i18n";

export interface SearchedPart {
  text: string;
  /** Every code behind a trade, for those who want to check them. */
  title?: string;
}

const codeLabel = (c: { code: string; labelIt: string; labelEn: string }) => `${c.code} ${localized(c.labelIt, c.labelEn)}`;

/** The parts worth saying: plain words are what the person typed and need no echo. */
export function searchedParts(searched: DirectorySearchedDto): SearchedPart[] {
  const parts: SearchedPart[] = [];
  const [first, ...others] = searched.tradeCodes;
  if (first) {
    parts.push({
      text: t("directory.searchedTrade", { words: searched.tradeWords.join(" "), label: localized(first.labelIt, first.labelEn) })
        + (others.length > 0 ? ` (+${others.length})` : ""),
      title: searched.tradeCodes.map(codeLabel).join("\n"),
    });
  }
  if (searched.place) parts.push({ text: t(`directory.searchedPlace.${searched.place.kind}`, { name: searched.place.name }) });
  for (const code of searched.codes) parts.push({ text: t("directory.searchedCode", { code: codeLabel(code) }) });
  return parts;
}

/** "Cercato: mestiere «idraulico»: Lavori di idraulica (+4) · provincia di Modena", next to a search box; nothing when plain words. */
export function searchedView(searched: DirectorySearchedDto | undefined, testid: string) {
  const parts = searched ? searchedParts(searched) : [];
  return parts.length > 0
    ? html`<p class="muted searched" data-testid=${testid}>${t("directory.searched")}
        ${parts.map((part) => html`<span class="chip" title=${part.title ?? nothing}>${part.text}</span>`)}</p>`
    : nothing;
}
