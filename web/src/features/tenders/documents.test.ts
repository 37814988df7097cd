import { describe, expect, it } from "vitest";
import { documentProblem, formatFileSize, MAX_DOCUMENT_BYTES } from "./documents";

describe("documents", () => {
  it("takes the file types the server takes, up to 10 MB", () => {
    expect(documentProblem("Capitolato.PDF", 1000)).toBeNull();
    expect(documentProblem("offerta.pdf.p7m", 1000)).toBeNull();
    expect(documentProblem("computo.xlsx", MAX_DOCUMENT_BYTES)).toBeNull();
    expect(documentProblem("foto.jpg", 1000)).toBe("type");
    expect(documentProblem("relazione.docx", MAX_DOCUMENT_BYTES + 1)).toBe("size");
    expect(documentProblem("vuoto.odt", 0)).toBe("empty");
  });

  it("writes sizes as the UI's language does", () => {
    expect(formatFileSize(512, "it")).toBe("512 B");
    expect(formatFileSize(850 * 1024, "it")).toBe("850 kB");
    expect(formatFileSize(1.25 * 1024 * 1024, "it")).toBe("1,3 MB");
    expect(formatFileSize(1.25 * 1024 * 1024, "en")).toBe("1.3 MB");
  });
});
