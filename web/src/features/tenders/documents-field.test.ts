import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { DocumentDto } from "../../api/types";
import { setLanguage } from "../../i18n";
import { uploadDocuments } from "./documents-field";

const FIRM = "aaaaaaaa-0000-0000-0000-000000000001";
const uploaded = (name: string): DocumentDto => ({ id: `id-${name}`, name, contentType: "application/pdf", size: 8, sha256: "0".repeat(64) });

describe("uploading documents", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => vi.unstubAllGlobals());

  it("uploads each file for the business, and says which were refused without stopping at them", async () => {
    const upload = vi.spyOn(api, "uploadDocument").mockImplementation(async (_owner, _file, name) => {
      if (name === "grande.pdf") throw new ApiError(413, "Payload Too Large", null, {});
      return uploaded(name);
    });
    const seen: (string | null)[] = [];
    const added: string[] = [];
    const problems: (() => string)[] = [];
    const files = [new File(["%PDF-1.4"], "offerta.pdf"), new File(["x"], "foto.jpg"), new File(["%PDF-1.4"], "grande.pdf"), new File(["PK"], "computo.xlsx")];

    const result = await uploadDocuments(FIRM, files, {
      uploading: (name) => seen.push(name),
      added: (d) => added.push(d.name),
      failed: (p) => problems.push(p),
    });

    expect(result.map((d) => d.name)).toEqual(["offerta.pdf", "computo.xlsx"]);
    expect(added).toEqual(["offerta.pdf", "computo.xlsx"]);
    expect(upload.mock.calls.map(([owner, , name]) => [owner, name])).toEqual([
      [FIRM, "offerta.pdf"],
      [FIRM, "grande.pdf"],
      [FIRM, "computo.xlsx"],
    ]);
    expect(seen).toEqual(["offerta.pdf", "grande.pdf", "computo.xlsx", null]);
    expect(problems.map((p) => p())).toEqual([
      "foto.jpg: sono accettati solo file .pdf, .docx, .xlsx, .odt, .ods e .p7m.",
      "grande.pdf supera i 10 MB.",
    ]);
  });
});
