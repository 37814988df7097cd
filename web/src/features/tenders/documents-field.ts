// Attaching files to a tender (the buyer's) or a bid (the firm's): each file chosen is checked, uploaded to the
// business (POST /api/businesses/{id}/documents, the raw file as the body) and listed with its name and size.
// The upload itself (uploadDocuments) is shared with the joint bid's documents.
import { filePicker } from "../../file-picker";
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { DocumentDto } from "../../api/types";
import { otherFieldMessages } from "../../field-errors";
import { currentLanguage, t } from "../../i18n";
import type { Redraw } from "../../page";
import { documentAccept, documentProblem, formatFileSize } from "./documents";
import { describeRefusal } from "../../i18n/refusals";

export interface DocumentsFieldOptions {
  /** The business the files are uploaded for: the buyer, or the bidding firm. */
  owner(): string | null;
  list(): DocumentDto[];
  set(list: DocumentDto[]): void;
  /** data-testid of the file input; the listed files get `${itemTestid}`. */
  inputTestid: string;
  itemTestid: string;
  inputId: string;
}

function describe(name: string, error: unknown): () => string {
  if (error instanceof ApiError && error.status === 400) {
    const errors = error.errors;
    return () => t("documents.failed", { name, reason: otherFieldMessages(errors, []).join(" ") || error.title });
  }
  // The file is over the server's size limit (its answer carries no refusal code).
  if (error instanceof ApiError && error.status === 413) return () => t("documents.size", { name });
  return () => t("documents.failed", { name, reason: describeRefusal(error) });
}

export interface UploadProgress {
  /** The file on its way, or null once all are done. */
  uploading(name: string | null): void;
  /** A file was uploaded. */
  added(document: DocumentDto): void;
  /** A file was refused, before sending it or by the server; the text is made when shown. */
  failed(problem: () => string): void;
}

/**
 * Checks and uploads the files for the business, one after another; a refused file does not stop the others.
 * Resolves to the documents uploaded, in the order chosen.
 */
export async function uploadDocuments(owner: string, files: readonly File[], progress: UploadProgress): Promise<DocumentDto[]> {
  const uploaded: DocumentDto[] = [];
  for (const file of files) {
    const problem = documentProblem(file.name, file.size);
    if (problem) {
      const name = file.name;
      progress.failed(() => t(`documents.${problem}`, { name }));
      continue;
    }
    progress.uploading(file.name);
    try {
      const added = await api.uploadDocument(owner, file, file.name);
      uploaded.push(added);
      progress.added(added);
    } catch (error) {
      progress.failed(describe(file.name, error));
    }
  }
  progress.uploading(null);
  return uploaded;
}

export function documentsField(options: DocumentsFieldOptions, redraw: Redraw) {
  let uploading: string | null = null;
  /** Made when shown, so that they follow a change of language. */
  let problems: (() => string)[] = [];

  async function upload(files: File[]): Promise<void> {
    const owner = options.owner();
    if (!owner) return;
    problems = [];
    await uploadDocuments(owner, files, {
      uploading: (name) => {
        uploading = name;
        redraw();
      },
      added: (added) => options.set([...options.list().filter((d) => d.id !== added.id), added]),
      failed: (problem) => problems.push(problem),
    });
  }

  function onFiles(files: File[]): void {
    void upload(files);
  }

  function remove(id: string): void {
    options.set(options.list().filter((d) => d.id !== id));
    redraw();
  }

  return {
    busy: () => uploading !== null,
    view: (label: string, hint: string, errors: readonly string[] = []) => {
      const list = options.list();
      return html`<div class="field documents-field">
        <label for=${options.inputId}>${label}</label>
        ${list.length
          ? html`<ul class="documents editable">
              ${list.map(
                (d, i) => html`<li class="document" data-testid=${options.itemTestid} data-document-id=${d.id}>
                  <span class="doc-name">${d.name}</span>
                  <span class="muted small">${formatFileSize(d.size, currentLanguage())}</span>
                  <button type="button" class="remove" data-testid="${options.itemTestid}-remove-${i}"
                    aria-label=${t("tenderForm.removeDocument", { name: d.name })} @click=${() => remove(d.id)}>×</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${filePicker({
          id: options.inputId, testid: options.inputTestid, accept: documentAccept, multiple: true, disabled: uploading !== null,
          describedBy: `${options.inputId}-hint`, chosen: uploading ? [uploading] : [], onFiles,
        })}
        <small class="hint" id="${options.inputId}-hint">${hint}</small>
        ${uploading ? html`<p class="muted small" role="status">${t("tenderForm.uploading", { name: uploading })}</p>` : nothing}
        ${problems.length || errors.length
          ? html`<span class="field-error" role="alert">${[...problems.map((p) => p()), ...errors].map((m) => html`<span>${m}</span>`)}</span>`
          : nothing}
      </div>`;
    },
  };
}
