import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AllianceLeadChoiceDto, AllianceSpaceChoiceDto } from "../../api/types";
import type { ProblemCode } from "../../i18n/refusals";
import { setLanguage } from "../../i18n";
import {
  buildFormAllianceRequest,
  checkAgreementText,
  checkReason,
  chooseSpace,
  firstLead,
  formsSomewhere,
  newAllianceForm,
  spacesOf,
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

  it("opens with an agreement in Italian then English whatever the UI's language, saying the Italian prevails", () => {
    for (const lang of ["it", "en"] as const) {
      setLanguage(lang);
      const text = newAllianceForm({ id: "t", title: "Scuola Verdi" }, { id: LEAD, name: "Edil Rossi" }).agreementText;
      expect(text.indexOf("prevale il testo italiano")).toBeGreaterThanOrEqual(0);
      expect(text).toContain("the Italian text prevails");
      const italian = text.indexOf("mandato collettivo speciale");
      const english = text.indexOf("special collective mandate");
      expect(italian).toBeGreaterThan(0);
      expect(english).toBeGreaterThan(italian);
      expect(text).toContain("«Scuola Verdi»");
      expect(text).toContain("“Scuola Verdi”");
      expect(text.length).toBeLessThanOrEqual(20_000);
    }
    setLanguage("it");
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
  const form = (code?: ProblemCode): AllianceSpaceChoiceDto["actions"] =>
    code ? { allowed: [], blocked: [{ action: "Form", code, args: {} }] } : { allowed: ["Form"], blocked: [] };
  const leads: AllianceLeadChoiceDto[] = [
    {
      firm: { id: LEAD, name: "Edil Rossi" },
      spaces: [
        { space: { id: SPACE, name: "Spazio Imprese Emilia" }, actions: form("alliance.leadNotInSpace") },
        { space: { id: OTHER_SPACE, name: "Rete Appennino" }, actions: form() },
        { space: { id: THIRD_SPACE, name: "Costruttori Bassa" }, actions: form() },
      ],
    },
    { firm: { id: MEMBER, name: "Impianti Bianchi" }, spaces: [{ space: { id: SPACE, name: "Spazio Imprese Emilia" }, actions: form("alliance.tenderClosed") }] },
  ];

  it("lists the spaces the server gives for the chosen lead", () => {
    expect(spacesOf(leads, LEAD.toUpperCase()).map((s) => s.space.id)).toEqual([SPACE, OTHER_SPACE, THIRD_SPACE]);
    expect(spacesOf(leads, "someone else")).toEqual([]);
  });

  it("offers the form only where the server lets a lead form, and starts with a lead that may", () => {
    expect(leads.map(formsSomewhere)).toEqual([true, false]);
    expect(firstLead(leads)?.firm.id).toBe(LEAD);
    const [, blocked] = leads;
    const inOne = { ...blocked!, spaces: [{ ...blocked!.spaces[0]!, actions: form("alliance.leadInOneForTender") }] };
    // A firm already in an alliance for the tender (and one for a closed tender) is not offered one: the form opens on the lead that may.
    expect(firstLead([inOne, ...leads])?.firm.id).toBe(LEAD);
    expect([inOne, blocked!].some(formsSomewhere)).toBe(false);
    expect(firstLead([inOne])?.firm.id).toBe(MEMBER);
    expect(firstLead([])).toBeUndefined();
  });

  it("keeps a space the server allows, else takes the first it allows, else none", () => {
    const spaces = spacesOf(leads, LEAD);
    expect(chooseSpace(spaces, "")).toBe(OTHER_SPACE);
    expect(chooseSpace(spaces, SPACE)).toBe(OTHER_SPACE);
    expect(chooseSpace(spaces, THIRD_SPACE)).toBe(THIRD_SPACE);
    expect(chooseSpace(spacesOf(leads, MEMBER), "")).toBe("");
  });
});
