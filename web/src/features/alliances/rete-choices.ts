// "Partecipa con la rete" on a tender's page: the reti the viewer leads (for their lead firm) in the tender's spaces,
// each with a button that forms the rete's RTI for this tender in one step and opens it, or, when the rete may not
// bid now, the reason (GET /api/alliances/rete-choices, judged by the rule the command runs: ReteRti.Check).
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { ReteChoiceDto } from "../../api/types";
import { allows, blockersOf } from "../../api/viewer-actions";
import { t } from "../../i18n";
import { describeRefusal, refusalText } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { navigate } from "../../router";

export function reteChoices(tenderId: () => string, redraw: Redraw) {
  let choices: ReteChoiceDto[] = [];
  let sending = false;
  let refusal: { rete: string; text: string } | null = null;

  const load = latestOnly(
    (id: string) => api.reteChoices(id),
    (read) => {
      choices = read;
      redraw();
    },
    // Without them the page offers an RTI of the viewer's own firm, as before.
    () => undefined,
  );

  async function bid(choice: ReteChoiceDto): Promise<void> {
    if (sending) return;
    sending = true;
    refusal = null;
    redraw();
    try {
      const rti = await api.formRtiFromRete(choice.rete.id, tenderId());
      navigate({ name: "alliance", id: rti.id.toLowerCase() });
    } catch (error) {
      refusal = { rete: choice.rete.id, text: describeRefusal(error) };
      load(tenderId());
    } finally {
      sending = false;
      redraw();
    }
  }

  function choiceView(choice: ReteChoiceDto) {
    const blocker = blockersOf(choice.actions, "Form")[0];
    const refused = refusal?.rete === choice.rete.id ? refusal.text : "";
    return html`<li class="rete-choice" data-testid="rete-choice" data-rete-id=${choice.rete.id}>
      ${allows(choice.actions, "Form")
        ? html`<button type="button" class="primary" data-testid="rete-choice-bid" ?disabled=${sending} @click=${() => void bid(choice)}>
            ${t("rete.bid.submitNamed", { rete: choice.rete.name })}</button>`
        : html`<p class="muted" data-testid="rete-choice-blocked" data-code=${blocker?.code ?? ""}>
            <strong>${choice.rete.name}</strong>: ${blocker ? (refusalText(blocker.code, blocker.args) ?? "") : ""}</p>`}
      <p class="status ${refused ? "error" : ""}" role="status">${refused}</p>
    </li>`;
  }

  return {
    load: () => load(tenderId()),
    dispose: () => load.cancel(),
    view() {
      if (choices.length === 0) return nothing;
      return html`<div class="rete-choices" data-testid="rete-choices">
        <h3>${t("rete.bid.title")}</h3>
        <p class="muted small">${t("rete.bid.intro")}</p>
        <ul class="rete-choice-list">${choices.map(choiceView)}</ul>
      </div>`;
    },
  };
}
