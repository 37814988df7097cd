// A file input that speaks the app's language: the browser's own says "Choose Files / No file chosen" in the
// browser's language whatever the app's. The real input stays in the page, visually hidden but focusable (keyboard,
// screen readers and drag-and-drop tests reach it as before); a label styled as a button opens it, and the names of
// the files chosen (or being sent) are written next to it in the app's language.
import { html, nothing, type TemplateResult } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { t } from "./i18n";

export interface FilePickerOptions {
  /** The input's id: the field's own <label for> names it too. */
  readonly id: string;
  readonly testid: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly describedBy?: string;
  /** The button's words, when "Choose a file" or "Choose files" says less than the field needs (a logo to replace). */
  readonly label?: string;
  /**
   * The names to show as chosen: the files being sent, or those kept by the form. Without it no line is shown: a
   * field whose result is shown otherwise (a logo, seen as the image) says nothing of a file that is not chosen.
   */
  readonly chosen?: readonly string[] | undefined;
  /** The files chosen; the input is cleared afterwards, so that the same file may be chosen again. */
  readonly onFiles: (files: File[]) => void;
}

/** What the picker says next to its button: the names chosen, or that none is. */
export function chosenText(names: readonly string[]): string {
  return names.length === 0 ? t("filePicker.none") : names.join(", ");
}

export function filePicker(o: FilePickerOptions): TemplateResult {
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length > 0) o.onFiles(files);
  };
  return html`<div class="file-picker">
    <input id=${o.id} class="visually-hidden" type="file" ?multiple=${o.multiple ?? false} accept=${ifDefined(o.accept)}
      data-testid=${o.testid} ?disabled=${o.disabled ?? false} aria-describedby=${ifDefined(o.describedBy)} @change=${onChange} />
    <label for=${o.id} class="button" aria-hidden="true" data-testid="${o.testid}-button"
      >${o.label ?? t(o.multiple ? "filePicker.chooseMany" : "filePicker.chooseOne")}</label>
    ${o.chosen
      ? html`<span class="muted small file-picker-chosen" data-testid="${o.testid}-chosen" aria-live="polite">${chosenText(o.chosen)}</span>`
      : nothing}
  </div>`;
}
