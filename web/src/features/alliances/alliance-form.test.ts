import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MembershipStatus, MyBusinessDto } from "../../api/types";
import { setLanguage } from "../../i18n";
import {
  buildFormAllianceRequest,
  checkAgreementText,
  checkReason,
  chooseSpace,
  leadCandidates,
  newAllianceForm,
  spaceChoices,
  type Standings,
} from "./alliance-form";
import { LEAD, MEMBER, SPACE } from "./test-fixtures";

const OTHER_SPACE = "22222222-2222-2222-2222-000000000002";
const THIRD_SPACE = "22222222-2222-2222-2222-000000000003";

describe("the alliance form", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("offers as lead the firms the user edits", () => {
    const mine: MyBusinessDto[] = [
      { id: LEAD, name: "Edil Rossi", kind: "Firm", role: "Owner" },
      { id: MEMBER, name: "Impianti Bianchi", kind: "Firm", role: "Viewer" },
      { id: "c", name: "Comune di Modena", kind: "Buyer", role: "Manager" },
      { id: "d", name: "Bianchi Manutenzioni", kind: "Firm", role: "Manager" },
    ];
    expect(leadCandidates(mine).map((b) => b.name)).toEqual(["Edil Rossi", "Bianchi Manutenzioni"]);
  });

  it("opens with a name and an Italian RTI agreement for the tender", () => {
    const form = newAllianceForm({ id: "t", title: "Scuola Verdi" }, { id: LEAD, name: "Edil Rossi" });
    expect(form.leadId).toBe(LEAD);
    expect(form.name).toBe("RTI — Scuola Verdi");
    expect(form.agreementText).toContain("«Scuola Verdi»");
    for (const term of ["mandataria", "mandato collettivo speciale", "quota", "in solido", "Riservatezza"]) expect(form.agreementText).toContain(term);
    const standing = newAllianceForm(null, { id: LEAD, name: "Edil Rossi" });
    expect(standing.name).toBe("Rete d'impresa — Edil Rossi");
    expect(standing.agreementText).toContain("rete");
  });

  it("cuts a long tender title to the name's limit", () => {
    const form = newAllianceForm({ id: "t", title: "Lavori ".repeat(40) }, undefined);
    expect(form.name.length).toBeLessThanOrEqual(120);
    expect(form.name.endsWith("…")).toBe(true);
    expect(form.leadId).toBe("");
  });

  it("sends the trimmed fields, the tender or none", () => {
    const built = buildFormAllianceRequest(
      { leadId: LEAD, spaceId: SPACE, name: "  RTI Verdi  ", agreementText: " Patti. " },
      "33333333-3333-3333-3333-333333333333",
    );
    expect(built).toEqual({
      errors: {},
      body: { leadId: LEAD, spaceId: SPACE, tenderId: "33333333-3333-3333-3333-333333333333", name: "RTI Verdi", agreementText: "Patti." },
    });
    expect(buildFormAllianceRequest({ leadId: LEAD, spaceId: SPACE, name: "Rete", agreementText: "Patti" }, null).body.tenderId).toBeNull();
  });

  it("finds the problems first, keyed as the server keys them", () => {
    const built = buildFormAllianceRequest({ leadId: "", spaceId: "", name: " RT ", agreementText: "  " }, null);
    expect(Object.keys(built.errors).sort()).toEqual(["agreementText", "leadId", "name", "spaceId"]);
    expect(buildFormAllianceRequest({ leadId: LEAD, spaceId: SPACE, name: "x".repeat(121), agreementText: "a" }, null).errors).toHaveProperty("name");
    expect(buildFormAllianceRequest({ leadId: LEAD, spaceId: SPACE, name: "Rete", agreementText: "a".repeat(20001) }, null).errors).toHaveProperty(
      "agreementText",
    );
    expect(checkAgreementText(" ")).toHaveProperty("text");
    expect(checkAgreementText("Nuovi patti")).toEqual({});
    expect(checkReason("  ")).toHaveProperty("reason");
    expect(checkReason("r".repeat(1001))).toHaveProperty("reason");
    expect(checkReason("Non copre più il lotto 2")).toEqual({});
  });
});

describe("the space of a new alliance", () => {
  const candidates = [
    { id: SPACE, name: "Spazio Imprese Emilia" },
    { id: OTHER_SPACE, name: "Rete Appennino" },
    { id: THIRD_SPACE, name: "Costruttori Bassa" },
  ];
  const standings: Standings = new Map<string, Map<string, MembershipStatus | null>>([
    [SPACE, new Map([[LEAD, "Applied"]])],
    [OTHER_SPACE, new Map([[LEAD, "Member"], [MEMBER, "Member"]])],
  ]);

  it("says where the lead is a member, is not, or nobody knows", () => {
    expect(spaceChoices(candidates, standings, LEAD.toUpperCase()).map((c) => c.eligible)).toEqual([false, true, null]);
    expect(spaceChoices(candidates, null, LEAD).map((c) => c.eligible)).toEqual([null, null, null]);
  });

  it("keeps a good choice, else takes the first sure one, else the first possible", () => {
    const choices = spaceChoices(candidates, standings, LEAD);
    expect(chooseSpace(choices, "")).toBe(OTHER_SPACE);
    expect(chooseSpace(choices, SPACE)).toBe(OTHER_SPACE);
    expect(chooseSpace(choices, THIRD_SPACE)).toBe(THIRD_SPACE);
    expect(chooseSpace(spaceChoices(candidates, null, LEAD), "")).toBe(SPACE);
    expect(chooseSpace(spaceChoices([candidates[0]!], standings, LEAD), "")).toBe("");
  });
});
