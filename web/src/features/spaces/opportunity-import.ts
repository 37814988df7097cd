// The upload of an OCDS release package to a space (POST /api/spaces/{id}/opportunities/import). Sent with
// XMLHttpRequest rather than the typed fetch client: only it reports how much of a large file has gone up, which the
// admin watches for a package of tens of megabytes. The path and the answer are still the OpenAPI document's.
import { toApiError } from "../../api/problem";
import type { paths } from "../../api/schema";
import type { ImportResultDto } from "../../api/types";
import { currentLanguage } from "../../i18n";

const route = "/api/spaces/{id}/opportunities/import" satisfies keyof paths;

/** Where an import stands: the file going up (bytes sent of the total), then the server checking and applying it. */
export type ImportPhase = { kind: "uploading"; sent: number; total: number } | { kind: "checking" };

export function importOpportunities(spaceId: string, file: File, progress: (phase: ImportPhase) => void): Promise<ImportResultDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", route.replace("{id}", encodeURIComponent(spaceId)));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.upload.onprogress = (e) => progress({ kind: "uploading", sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    // The file is up: the server reads, checks and applies it before it answers.
    xhr.upload.onload = () => progress({ kind: "checking" });
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText === "" ? undefined : JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as ImportResultDto);
      else reject(toApiError(xhr.status, body, xhr.statusText));
    };
    xhr.onerror = () => reject(new TypeError("network"));
    const form = new FormData();
    form.append("file", file, file.name);
    progress({ kind: "uploading", sent: 0, total: file.size });
    xhr.send(form);
  });
}
