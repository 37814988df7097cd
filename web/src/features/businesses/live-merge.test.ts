import { describe, expect, it } from "vitest";
import type { BusinessProfileDto } from "../../api/types";
import { mergeLiveUpdate } from "./live-merge";

const base: BusinessProfileDto = {
  id: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  kind: "Firm",
  name: "Edilizia Rossi srl",
  vatNumber: "01234567897",
  taxCode: null,
  description: "Costruzioni",
  capabilities: [{ code: "45000000-7", labelIt: "Lavori di costruzione", labelEn: "Construction work" }],
  tags: ["edilizia"],
  locality: { comuneCode: "015146", name: "Milano", provinceSigla: "MI", provinceName: "Milano", regionName: "Lombardia" },
  address: "Via Roma 1",
  size: "Small",
  website: null,
  contactEmail: null,
  contactPhone: null,
  contactsHidden: false,
  version: 3,
  updatedAt: "2026-11-20T10:00:00Z",
  actions: { allowed: [], blocked: [] },
  kindFields: ["vatNumber", "size"],
  logo: null,
};

describe("mergeLiveUpdate", () => {
  it("applies a newer version and names the changed fields", () => {
    const incoming = {
      ...base,
      version: 4,
      updatedAt: "2026-11-20T10:05:00Z",
      description: "Costruzioni e restauri",
      tags: ["edilizia", "restauro"],
    };
    const merged = mergeLiveUpdate(base, incoming);
    expect(merged?.profile).toBe(incoming);
    expect(merged?.changed).toEqual(["description", "tags"]);
  });

  it("spots changes inside nested values", () => {
    const incoming = {
      ...base,
      version: 5,
      locality: { ...base.locality!, comuneCode: "015999", name: "Monza" },
      capabilities: [...base.capabilities, { code: "71000000-8", labelIt: "Servizi architettonici", labelEn: "Architectural services" }],
    };
    expect(mergeLiveUpdate(base, incoming)?.changed).toEqual(["capabilities", "locality"]);
  });

  it("ignores the same or an older version", () => {
    expect(mergeLiveUpdate(base, { ...base, name: "Old name", version: 3 })).toBeNull();
    expect(mergeLiveUpdate(base, { ...base, name: "Older name", version: 2 })).toBeNull();
  });

  it("ignores another business's update", () => {
    expect(mergeLiveUpdate(base, { ...base, id: "00000000-0000-0000-0000-000000000001", version: 9 })).toBeNull();
  });

  it("takes anything when nothing is shown yet", () => {
    expect(mergeLiveUpdate(null, base)).toEqual({ profile: base, changed: [] });
  });
});
