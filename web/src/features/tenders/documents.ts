// Files attached to a tender or a bid: what the server accepts (DocumentEndpoints.cs) and how a size reads.
import type { Lang } from "../../i18n";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = [".pdf", ".docx", ".xlsx", ".odt", ".ods", ".p7m"] as const;

/** For the file input's `accept`. */
export const documentAccept = DOCUMENT_TYPES.join(",");

/** Why a file would be refused before sending it, or null: a type the server does not take, or too large. */
export function documentProblem(name: string, size: number): "type" | "size" | "empty" | null {
  const lower = name.toLowerCase();
  if (!DOCUMENT_TYPES.some((ext) => lower.endsWith(ext))) return "type";
  if (size === 0) return "empty";
  if (size > MAX_DOCUMENT_BYTES) return "size";
  return null;
}

/** "850 kB", "1,2 MB" ("1.2 MB" in English). */
export function formatFileSize(bytes: number, lang: Lang): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${format(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024, 0)} kB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
