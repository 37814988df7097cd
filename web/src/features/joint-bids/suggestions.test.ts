import { describe, expect, it, vi } from "vitest";
import type { SuggestedFirmDto, SuggestionsDto } from "../../api/types";
import { setLanguage } from "../../i18n";
import { allianceDto, INVITED } from "../alliances/test-fixtures";
import { formatDistance, suggestionsModel } from "./suggestions";
import { ALLIANCE } from "./test-fixtures";

const roofing = { code: "45261000-4", labelIt: "Lavori di copertura", labelEn: "Roofing work" };
const painting = { code: "45442100-8", labelIt: "Lavori di verniciatura", labelEn: "" };
const lifts = { code: "42416100-6", labelIt: "Ascensori", labelEn: "Lifts" };

const NEW = "cccccccc-0000-0000-0000-000000000001";
const FAR = "cccccccc-0000-0000-0000-000000000002";

const suggested = (id: string, name: string, more: Partial<SuggestedFirmDto> = {}): SuggestedFirmDto => ({
  firm: { id, name },
  covers: [roofing],
  distanceKm: 12.4,
  verified: false,
  jointProjects: 0,
  score: 1,
  completes: [],
  ...more,
});

const dto = (more: Partial<SuggestionsDto> = {}): SuggestionsDto => ({
  allianceId: ALLIANCE,
  closed: null,
  gaps: [roofing, painting, lifts, roofing],
  ranked: [
    suggested(NEW, "Tetti Gialli", { covers: [roofing, painting, roofing], verified: true, jointProjects: 2 }),
    suggested(INVITED, "Neri Coperture"),
    suggested(FAR, "Pitture Blu", { covers: [painting], distanceKm: null }),
  ],
  cover: [suggested(NEW, "Tetti Gialli", { covers: [roofing, painting] })],
  uncoverable: [lifts],
  ...more,
});

describe("formatDistance", () => {
  it("rounds to whole kilometres from 10, one decimal below, in the UI's language", () => {
    expect(formatDistance(12.4, "it")).toBe("12 km");
    expect(formatDistance(3.46, "it")).toBe("3,5 km");
    expect(formatDistance(3.46, "en")).toBe("3.5 km");
    expect(formatDistance(4, "en")).toBe("4 km");
    expect(formatDistance(1234.6, "en")).toBe("1,235 km");
    expect(formatDistance(0.2, "it")).toBe("< 1 km");
  });

  it("is null when unknown", () => {
    expect(formatDistance(null, "it")).toBeNull();
    expect(formatDistance(Number.NaN, "en")).toBeNull();
    expect(formatDistance(-1, "en")).toBeNull();
  });
});

describe("suggestionsModel", () => {
  it("lists the gaps once, the codes in the UI's language, the uncoverable ones", () => {
    const model = suggestionsModel(dto(), allianceDto(), new Set(), "en");
    expect(model.visible).toBe(true);
    expect(model.gaps.map((g) => g.code)).toEqual([roofing.code, painting.code, lifts.code]);
    expect(model.gaps[1]!.label).toBe("Lavori di verniciatura");
    expect(model.ranked[0]!.covers).toEqual([
      { code: roofing.code, label: "Roofing work" },
      { code: painting.code, label: "Lavori di verniciatura" },
    ]);
    expect(model.uncoverable).toEqual([{ code: lifts.code, label: "Lifts" }]);
  });

  it("keeps the server's ranking, with distance, verified mark and joint projects", () => {
    const [first, second, third] = suggestionsModel(dto(), allianceDto(), new Set(), "it").ranked;
    expect([first!.id, second!.id, third!.id]).toEqual([NEW, INVITED, FAR]);
    expect(first).toMatchObject({ name: "Tetti Gialli", distance: "12 km", verified: true, jointProjects: 2 });
    expect(third).toMatchObject({ distance: null, verified: false, jointProjects: 0 });
  });

  it("shows the invite buttons only when the snapshot allows its viewer to invite", () => {
    const lead = suggestionsModel(dto(), allianceDto(), new Set(), "it");
    expect(lead.ranked.every((r) => r.invite)).toBe(true);
    expect(lead.inviteCover).toBe(true);
    const member = suggestionsModel(dto(), allianceDto({ actions: { allowed: ["Watch"], blocked: [] } }), new Set(), "it");
    expect(member.ranked.some((r) => r.invite)).toBe(false);
    expect(member.inviteCover).toBe(false);
    const full = { allowed: ["PublishAgreement", "Watch"], blocked: [{ action: "Invite", code: "alliance.tooManyFirms", args: { max: "10" } }] } as const;
    const leadOfFullAlliance = suggestionsModel(dto(), allianceDto({ actions: { allowed: [...full.allowed], blocked: [...full.blocked] } }), new Set(), "it");
    expect(leadOfFullAlliance.ranked.some((r) => r.invite)).toBe(false);
    expect(leadOfFullAlliance.inviteCover).toBe(false);
  });

  it("marks as invited a firm already invited to the alliance, or invited from here", () => {
    const model = suggestionsModel(dto(), allianceDto(), new Set([NEW]), "it");
    expect(model.ranked.map((r) => r.invited)).toEqual([true, true, false]);
    // The whole covering set is invited: nothing left to invite at once.
    expect(model.inviteCover).toBe(false);
  });

  it("says in the reader's language which requirement a firm completes, and whether the lot then qualifies", () => {
    const os30 = { lot: 1, kind: "Separable", category: "OS30", categoryIt: "Impianti elettrici", categoryEn: "Electrical systems", classLabel: "I", lotQualifies: true } as const;
    const turnover = { lot: 2, kind: "Turnover", category: null, categoryIt: null, categoryEn: null, classLabel: null, lotQualifies: false } as const;
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    const completing = dto({ gaps: [], cover: [], uncoverable: [], ranked: [suggested(NEW, "Bianchi Impianti", { covers: [], completes: [os30, turnover] })] });
    setLanguage("it");
    const it_ = suggestionsModel(completing, allianceDto(), new Set(), "it");
    expect(it_.visible).toBe(true);
    expect(it_.ranked[0]!.completes).toEqual([
      { text: "Completa OS30 classe I", what: "OS30", lot: 1, lotQualifies: true },
      { text: "Completa il fatturato globale", what: "Turnover", lot: 2, lotQualifies: false },
    ]);
    setLanguage("en");
    expect(suggestionsModel(completing, allianceDto(), new Set(), "en").ranked[0]!.completes[0]!.text).toBe("Completes OS30 class I");
    setLanguage("it");
    vi.unstubAllGlobals();
  });

  it("is hidden when there are no gaps", () => {
    const model = suggestionsModel(dto({ gaps: [], ranked: [], cover: [], uncoverable: [] }), allianceDto(), new Set(), "it");
    expect(model.visible).toBe(false);
  });
});
