import { describe, expect, it } from "vitest";
import type { BusinessProfileDto } from "../../api/types";
import { buildEditRequest, formFromProfile, splitTags, type ProfileForm } from "./profile-form";

const empty: ProfileForm = {
  version: 7,
  kindFields: ["vatNumber", "size"],
  name: "",
  vatNumber: "",
  taxCode: "",
  description: "",
  capabilities: [],
  tags: "",
  comune: null,
  address: "",
  size: "",
  website: "",
  contactEmail: "",
  contactPhone: "",
};

describe("splitTags", () => {
  it("splits on commas and new lines, trims, drops empties and repeats", () => {
    expect(splitTags(" edilizia, restauro ,,\nBIM,  Edilizia , impianti   elettrici ")).toEqual([
      "edilizia",
      "restauro",
      "BIM",
      "impianti elettrici",
    ]);
    expect(splitTags("  , ")).toEqual([]);
  });
});

describe("buildEditRequest", () => {
  it("sends null for blank optional fields and trims the rest", () => {
    const request = buildEditRequest({ ...empty, name: "  Rossi srl  ", vatNumber: "   ", description: "\n", website: " https://rossi.it " });
    expect(request).toEqual({
      version: 7,
      name: "Rossi srl",
      vatNumber: null,
      taxCode: null,
      description: null,
      capabilities: [],
      tags: [],
      comuneCode: null,
      address: null,
      size: null,
      website: "https://rossi.it",
      contactEmail: null,
      contactPhone: null,
    });
  });

  it("sends codes for capabilities and comune, the tag list and the size", () => {
    const request = buildEditRequest({
      ...empty,
      name: "Rossi",
      capabilities: [
        { code: "45000000-7", labelIt: "Lavori di costruzione", labelEn: "Construction work" },
        { code: "71000000-8", labelIt: "Servizi architettonici", labelEn: "Architectural services" },
      ],
      comune: { code: "015146", label: "Milano (MI)" },
      tags: "edilizia, restauro",
      size: "Medium",
      contactEmail: " info@rossi.it",
      contactPhone: "+39 02 1234567 ",
    });
    expect(request).toMatchObject({
      capabilities: ["45000000-7", "71000000-8"],
      comuneCode: "015146",
      tags: ["edilizia", "restauro"],
      size: "Medium",
      contactEmail: "info@rossi.it",
      contactPhone: "+39 02 1234567",
    });
  });

  it("round-trips a loaded profile unchanged", () => {
    const profile: BusinessProfileDto = {
      id: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      kind: "Firm",
      name: "Edilizia Rossi srl",
      vatNumber: "01234567897",
      taxCode: null,
      description: null,
      capabilities: [{ code: "45000000-7", labelIt: "Lavori di costruzione", labelEn: "Construction work" }],
      tags: ["edilizia", "restauro"],
      locality: { comuneCode: "015146", name: "Milano", provinceSigla: "MI", provinceName: "Milano", regionName: "Lombardia" },
      address: "Via Roma 1",
      size: "Small",
      website: null,
      contactEmail: "info@rossi.it",
      contactPhone: null,
      version: 3,
      updatedAt: "2026-11-20T10:00:00Z",
      contactsHidden: false,
      actions: { allowed: [], blocked: [] },
      kindFields: ["vatNumber", "size"],
      logo: null,
    };
    const form = formFromProfile(profile);
    expect(form.comune).toEqual({ code: "015146", label: "Milano (MI)" });
    expect(form.tags).toBe("edilizia, restauro");
    expect(buildEditRequest(form)).toEqual({
      version: 3,
      name: "Edilizia Rossi srl",
      vatNumber: "01234567897",
      taxCode: null,
      description: null,
      capabilities: ["45000000-7"],
      tags: ["edilizia", "restauro"],
      comuneCode: "015146",
      address: "Via Roma 1",
      size: "Small",
      website: null,
      contactEmail: "info@rossi.it",
      contactPhone: null,
    });
  });

  it("sends a buyer's or an association's tax code, and never a VAT number or a size it does not give", () => {
    const request = buildEditRequest({
      ...empty,
      kindFields: ["taxCode"],
      name: "Comune di Zola Predosa",
      taxCode: " 01234567897 ",
      vatNumber: "00743110157",
      size: "Large",
    });
    expect(request).toMatchObject({ taxCode: "01234567897", vatNumber: null, size: null });
  });

  it("sends a firm's VAT number and size, and never a tax code", () => {
    const request = buildEditRequest({ ...empty, name: "Rossi", vatNumber: "00743110157", size: "Micro", taxCode: "01234567897" });
    expect(request).toMatchObject({ vatNumber: "00743110157", size: "Micro", taxCode: null });
  });
});
