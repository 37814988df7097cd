import { describe, expect, it } from "vitest";
import { comuneLabel, localityLine, websiteHref } from "./format";

describe("format", () => {
  it("writes a locality as Comune (PR), Regione", () => {
    expect(
      localityLine({ comuneCode: "015146", name: "Milano", provinceSigla: "MI", provinceName: "Milano", regionName: "Lombardia" }),
    ).toBe("Milano (MI), Lombardia");
    expect(comuneLabel("Roma", null)).toBe("Roma");
  });

  it("links only to http(s) websites", () => {
    expect(websiteHref("rossi.it")).toBe("https://rossi.it/");
    expect(websiteHref("http://rossi.it/chi-siamo")).toBe("http://rossi.it/chi-siamo");
    expect(websiteHref("javascript:alert(1)")).toBeNull();
    expect(websiteHref("data:text/html,hi")).toBeNull();
  });
});
