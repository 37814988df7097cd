import { describe, expect, it } from "vitest";
import { comuneNames, parseComuni } from "./comuni";
import { findProvince, fold, provinces, searchProvinces } from "./provinces";

describe("provinces", () => {
  it("are the 107 Italian provinces, each sigla once", () => {
    expect(provinces).toHaveLength(107);
    expect(new Set(provinces.map((p) => p.sigla)).size).toBe(107);
    expect(findProvince("bo")).toEqual({ sigla: "BO", name: "Bologna", region: "Emilia-Romagna" });
    expect(findProvince("XX")).toBeUndefined();
  });

  it("are found by sigla first, then by the start of the name, ignoring accents and case", () => {
    expect(searchProvinces("BO")[0]?.sigla).toBe("BO");
    expect(searchProvinces("bol").map((p) => p.sigla)).toEqual(["BO", "BZ"]);
    expect(searchProvinces("forli").map((p) => p.sigla)).toEqual(["FC"]);
    expect(searchProvinces("reggio").map((p) => p.sigla).sort()).toEqual(["RC", "RE"]);
    expect(searchProvinces("  ")).toEqual([]);
    expect(fold(" Forlì-Cesena ")).toBe("forli-cesena");
  });
});

describe("comuni", () => {
  it("are read from one string per province", () => {
    const names = parseComuni({ BO: "037006Bologna|037011Casalecchio di Reno", MO: "036023Modena" });
    expect(names.get("037011")).toEqual({ code: "037011", name: "Casalecchio di Reno", sigla: "BO" });
    expect(names.get("036023")?.sigla).toBe("MO");
    expect(names.size).toBe(3);
  });

  it("name every code of the shipped list", async () => {
    const names = await comuneNames();
    expect(names.size).toBeGreaterThan(7800);
    expect(names.get("037006")).toEqual({ code: "037006", name: "Bologna", sigla: "BO" });
    expect(names.get("035033")?.sigla).toBe("RE");
  });
});
