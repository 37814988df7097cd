// The base of the pages' components. A component keeps its state in reactive properties, so that changing one renders
// it again, without a redraw asked for by hand.
import { LitElement } from "lit";
import { onLanguageChange } from "./i18n";

/**
 * A lit element that renders into the light DOM, so that the global and per-feature stylesheets style it and the
 * browser tests find its test ids as on any other page, and that renders again when the language changes (its texts
 * come from t() as it renders). When it renders a box of its own, its tag gets `display: contents` in the feature's
 * stylesheet, so that the element adds none to the layout.
 */
export abstract class LightElement extends LitElement {
  #unlistenLanguage: (() => void) | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unlistenLanguage = onLanguageChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlistenLanguage?.();
    this.#unlistenLanguage = null;
  }
}
