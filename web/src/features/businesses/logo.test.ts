import { describe, expect, it } from "vitest";
import { businessInitials } from "./logo";

describe("businessInitials", () => {
  it("take the first letters of the words that name the business, not its legal form or linking words", () => {
    expect(businessInitials("Edilizia Rossi S.r.l.")).toBe("ER");
    expect(businessInitials("Comune di Casalecchio di Reno")).toBe("CC");
    expect(businessInitials("Giardini Gallo Soc. Coop.")).toBe("GG");
    expect(businessInitials("ASL")).toBe("A");
    expect(businessInitials("  élite impianti ")).toBe("ÉI");
  });

  it("show something for a name with no letters", () => {
    expect(businessInitials("S.r.l.")).toBe("?");
    expect(businessInitials("")).toBe("?");
  });
});
