// A lot's requirements as a firm owner reads them on the tender's page ("Categoria prevalente OG1 classe III (fino a
// 1.033.000 €) …"): the server gives each category's class and the class's amount, so nothing is worked out here.
import { html, nothing } from "lit-html";
import type { LotDto } from "../../api/types";
import { currentLanguage, localized, t } from "../../i18n";
import { formatMoney } from "../showcase/showcase";

type Requirements = NonNullable<LotDto["requirements"]>;
type RequiredCategory = Requirements["separable"][number];

const euros = (amount: number) => formatMoney({ amount, currency: "EUR" }, currentLanguage());

/** Class VIII has no upper amount (over 15.494.000 €): the server's amount for it is the one the rules sum with. */
const CLASS_VIII_FLOOR = 15_494_000;

/** The class and what it allows: "classe III (fino a 1.033.000 €)". */
export const classText = (c: Pick<RequiredCategory, "class" | "classLabel" | "classAmount">): string =>
  t("requirements.class", {
    class: c.classLabel,
    limit: c.class === "VIII" ? t("requirements.classOver", { amount: euros(CLASS_VIII_FLOOR) }) : t("requirements.classUpTo", { amount: euros(c.classAmount) }),
  });

/** One category's sentence, with whether it may be subcontracted when the lot lets any work be. */
export function categoryText(c: RequiredCategory, kind: "prevailing" | "separable", subcontracting: boolean): string {
  const line = t(`requirements.${kind}`, {
    category: c.category,
    name: localized(c.categoryIt, c.categoryEn),
    class: classText(c),
    amount: euros(c.amount),
  });
  if (kind === "prevailing" || !subcontracting) return line;
  return `${line}, ${t(c.maySubcontract ? "requirements.maySubcontract" : "requirements.noSubcontract")}`;
}

/** The lines of a lot's requirements, in the order a notice gives them. */
export function requirementLines(r: Requirements): { testid: string; text: string }[] {
  const subcontracting = r.subcontractingMaxPercent !== null && r.subcontractingMaxPercent !== undefined;
  const lines: { testid: string; text: string }[] = [];
  if (r.prevailing) lines.push({ testid: "requirement-prevailing", text: categoryText(r.prevailing, "prevailing", subcontracting) });
  for (const s of r.separable) lines.push({ testid: `requirement-separable-${s.category}`, text: categoryText(s, "separable", subcontracting) });
  if (r.prevailing || r.separable.length > 0)
    lines.push({
      testid: "requirement-subcontracting",
      text: subcontracting ? t("requirements.subcontracting", { percent: r.subcontractingMaxPercent ?? 0 }) : t("requirements.noSubcontracting"),
    });
  if (r.minTurnover !== null && r.minTurnover !== undefined)
    lines.push({ testid: "requirement-turnover", text: t("requirements.turnover", { amount: euros(r.minTurnover) }) });
  if (r.minSimilarWork !== null && r.minSimilarWork !== undefined)
    lines.push({ testid: "requirement-similar-work", text: t("requirements.similarWork", { amount: euros(r.minSimilarWork) }) });
  // Said only when the buyer allows it: tenders stated before the form offered it say nothing either way.
  if (r.avvalimentoAllowed) lines.push({ testid: "requirement-avvalimento", text: t("requirements.avvalimento") });
  return lines;
}

/** The requirements under a lot on the tender's page; nothing when the lot states none. */
export function lotRequirementsView(lot: LotDto) {
  if (!lot.requirements) return nothing;
  return html`<div class="lot-requirements" data-testid="lot-requirements-${lot.number}">
    <h4>${t("requirements.title")}</h4>
    <ul>
      ${requirementLines(lot.requirements).map((l) => html`<li data-testid=${l.testid}>${l.text}</li>`)}
    </ul>
  </div>`;
}
