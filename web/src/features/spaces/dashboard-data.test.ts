import { describe, expect, it } from "vitest";
import type { DivisionCoverageDto, SpaceDashboardDto } from "../../api/types";
import {
  coveredDivisions,
  divisionLabel,
  integerStep,
  kpis,
  membersSeries,
  monthLabel,
  provinceRows,
  shorten,
  uncoveredDivisions,
  wrapLabel,
} from "./dashboard-data";

const division = (code: string, members: number, labelIt = `Divisione ${code}`, labelEn = `Division ${code}`): DivisionCoverageDto => ({
  division: code,
  labelIt,
  labelEn,
  members,
});

const divisions: DivisionCoverageDto[] = [
  division("03", 0, "Prodotti agricoli", "Agricultural products"),
  division("45", 2, "Lavori di costruzione", "Construction work"),
  division("48", 1, "Pacchetti software e sistemi di informazione", "Software package and information systems"),
  division("71", 1, "Servizi architettonici", "Architectural services"),
  division("72", 1, "Servizi informatici", "IT services"),
  division("09", 0, "Prodotti derivati dal petrolio", ""),
];

const dashboard = (patch: Partial<SpaceDashboardDto> = {}): SpaceDashboardDto => ({
  members: 4,
  pendingApplications: 1,
  pendingInvitations: 2,
  policyAcceptancePending: 0,
  verified: 1,
  showcaseProjects: 3,
  endorsements: 5,
  openPosts: 6,
  postsAwaitingApproval: 1,
  postInterests: 4,
  membersOverTime: [],
  divisions,
  provinces: [],
  ...patch,
});

describe("members over time", () => {
  it("names the months in the UI's language", () => {
    expect(monthLabel("2026-11", "it")).toBe("nov 2026");
    expect(monthLabel("2026-11", "en")).toBe("Nov 2026");
    expect(monthLabel("2027-01", "en")).toBe("Jan 2027");
    expect(monthLabel("not a month", "it")).toBe("not a month");
  });

  it("puts the months in order, and draws a young space's few months as bars", () => {
    const young = membersSeries([{ month: "2026-12", members: 3 }, { month: "2026-11", members: 1 }], "en");
    expect(young).toEqual({ labels: ["Nov 2026", "Dec 2026"], values: [1, 3], kind: "bar" });
    const older = membersSeries(
      ["2026-09", "2026-10", "2026-11", "2026-12"].map((month, i) => ({ month, members: i + 2 })),
      "it",
    );
    expect(older.kind).toBe("line");
    expect(older.values).toEqual([2, 3, 4, 5]);
    expect(older.labels[0]).toBe("set 2026");
  });
});

describe("CPV divisions", () => {
  it("lists the covered divisions, most members first, then by code, labelled in the UI's language", () => {
    expect(coveredDivisions(divisions, "it")).toEqual([
      { division: "45", label: "Lavori di costruzione", members: 2 },
      { division: "48", label: "Pacchetti software e sistemi di informazione", members: 1 },
      { division: "71", label: "Servizi architettonici", members: 1 },
      { division: "72", label: "Servizi informatici", members: 1 },
    ]);
    expect(coveredDivisions(divisions, "en").map((d) => d.label)[0]).toBe("Construction work");
  });

  it("lists the uncovered divisions by code: the gaps to fill", () => {
    expect(uncoveredDivisions(divisions, "en")).toEqual([
      { division: "03", label: "Agricultural products", members: 0 },
      // No English label: the Italian one rather than nothing.
      { division: "09", label: "Prodotti derivati dal petrolio", members: 0 },
    ]);
  });

  it("covers every division exactly once between the two lists", () => {
    const all = [...coveredDivisions(divisions, "it"), ...uncoveredDivisions(divisions, "it")].map((d) => d.division).sort();
    expect(all).toEqual(divisions.map((d) => d.division).sort());
  });

  it("falls back to the code when a division has no label at all", () => {
    expect(divisionLabel({ division: "99", labelIt: " ", labelEn: "" }, "it")).toBe("99");
  });
});

describe("members by province", () => {
  const names: Record<string, string> = { BO: "Bologna", MO: "Modena", PR: "Parma", FE: "Ferrara", MI: "Milano" };
  const name = (sigla: string) => names[sigla] ?? sigla;

  it("puts the provinces with most members first, with bars relative to the largest", () => {
    const rows = provinceRows([{ provinceSigla: "MO", members: 1 }, { provinceSigla: "BO", members: 4 }], ["BO", "MO"], name);
    expect(rows).toEqual([
      { sigla: "BO", name: "Bologna", members: 4, share: 1, inTerritory: true },
      { sigla: "MO", name: "Modena", members: 1, share: 0.25, inTerritory: true },
    ]);
  });

  it("adds the space's own provinces without members, and marks members from outside", () => {
    const rows = provinceRows([{ provinceSigla: "BO", members: 2 }, { provinceSigla: "MI", members: 1 }], ["BO", "FE", "PR"], name);
    expect(rows.map((r) => [r.sigla, r.members, r.inTerritory])).toEqual([
      ["BO", 2, true],
      ["MI", 1, false],
      ["FE", 0, true],
      ["PR", 0, true],
    ]);
    expect(rows.find((r) => r.sigla === "FE")?.share).toBe(0);
  });

  it("shows each province once and no bars when nobody is anywhere", () => {
    const rows = provinceRows([], ["bo", "BO"], name);
    expect(rows).toEqual([{ sigla: "BO", name: "Bologna", members: 0, share: 0, inTerritory: true }]);
  });
});

describe("tiles", () => {
  it("take the server's counts and work out the verified share and the divisions covered", () => {
    expect(kpis(dashboard())).toEqual({
      members: 4,
      pending: 1,
      invitations: 2,
      policyPending: 0,
      verified: 1,
      showcase: 3,
      endorsements: 5,
      verifiedPercent: 25,
      covered: 4,
      divisions: 6,
      openPosts: 6,
      postsAwaiting: 1,
      postInterests: 4,
    });
  });

  it("give no share without members", () => {
    expect(kpis(dashboard({ members: 0, verified: 0 })).verifiedPercent).toBeNull();
  });
});

describe("chart helpers", () => {
  it("shortens a long label at a word, with an ellipsis", () => {
    expect(shorten("Servizi informatici", 40)).toBe("Servizi informatici");
    expect(shorten("45 · Servizi architettonici, di costruzione, ingegneria e ispezione", 30)).toBe("45 · Servizi architettonici…");
    expect(shorten("Supercalifragilistichespiralidoso", 10)).toBe("Supercali…");
  });

  it("wraps a long label into lines at words, the last one shortened", () => {
    expect(wrapLabel("45 · Lavori di costruzione", 40, 2)).toEqual(["45 · Lavori di costruzione"]);
    expect(wrapLabel("71 · Servizi architettonici, di costruzione, ingegneria e ispezione", 24, 2)).toEqual([
      "71 · Servizi",
      "architettonici, di…",
    ]);
    expect(wrapLabel("72 · Servizi informatici", 16, 2)).toEqual(["72 · Servizi", "informatici"]);
    expect(wrapLabel("Supercalifragilistichespiralidoso", 10, 2)).toEqual(["Supercali…"]);
    expect(wrapLabel("", 10, 2)).toEqual([]);
  });

  it("chooses whole-number steps that keep an axis readable", () => {
    expect(integerStep(3)).toBe(1);
    expect(integerStep(6)).toBe(1);
    expect(integerStep(12)).toBe(2);
    expect(integerStep(40)).toBe(10);
    expect(integerStep(250)).toBe(50);
  });
});
