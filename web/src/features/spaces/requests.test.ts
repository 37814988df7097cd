import { describe, expect, it } from "vitest";
import type { SpaceDetailDto } from "../../api/types";
import {
  buildApplyRequest,
  buildCreateSpaceRequest,
  buildDecisionRequest,
  buildEditSettingsRequest,
  buildPublishRequest,
  emptySpaceForm,
  formFromDetail,
  policyChanged,
  type SpaceForm,
} from "./requests";

const form: SpaceForm = {
  hostId: "host-1",
  name: "  Rete Verde  ",
  description: "   ",
  provinces: ["BO", "FC", "BO"],
  comuni: [
    { code: "037011", label: "Casalecchio di Reno (BO)" },
    { code: "037032", label: "Imola (BO)" },
  ],
  visibility: "Public",
  minimumTenderingDays: "",
  policyText: "Regolamento\n\n  1. Si collabora.\n",
  postsNeedApproval: true,
};

describe("space requests", () => {
  it("builds the create request: trimmed, no blanks, each code once, the policy as typed", () => {
    expect(buildCreateSpaceRequest(form)).toEqual({
      hostId: "host-1",
      name: "Rete Verde",
      description: null,
      territoryComuni: ["037011", "037032"],
      territoryProvinces: ["BO", "FC"],
      visibility: "Public",
      minimumTenderingDays: null,
      policyText: "Regolamento\n\n  1. Si collabora.\n",
    });
  });

  it("sends the minimum tendering period as a number, and none when left empty (the server's default)", () => {
    expect(buildCreateSpaceRequest({ ...form, minimumTenderingDays: " 15 " }).minimumTenderingDays).toBe(15);
    expect(buildCreateSpaceRequest({ ...form, minimumTenderingDays: "0" }).minimumTenderingDays).toBe(0);
    expect(buildEditSettingsRequest({ ...form, minimumTenderingDays: "" }, 1).minimumTenderingDays).toBeNull();
    // The board's approval is part of the settings an admin saves, as the form shows it.
    expect(buildEditSettingsRequest(form, 1).postsNeedApproval).toBe(true);
  });

  it("sends no policy when only blanks were typed, so that the server names the field", () => {
    expect(buildCreateSpaceRequest({ ...form, policyText: " \n " }).policyText).toBeNull();
  });

  it("builds the settings request with the version edited and without host or policy", () => {
    const request = buildEditSettingsRequest({ ...form, description: " Verde urbano ", minimumTenderingDays: "20" }, 7);
    expect(request).toEqual({
      version: 7,
      name: "Rete Verde",
      description: "Verde urbano",
      territoryComuni: ["037011", "037032"],
      territoryProvinces: ["BO", "FC"],
      visibility: "Public",
      minimumTenderingDays: 20,
      postsNeedApproval: true,
    });
    expect(request).not.toHaveProperty("hostId");
    expect(request).not.toHaveProperty("policyText");
  });

  it("starts a new space as members-only, for the host given", () => {
    expect(emptySpaceForm("h")).toMatchObject({ hostId: "h", visibility: "MembersOnly", provinces: [], comuni: [] });
  });

  it("fills the edit form from a space, naming the comuni it can", () => {
    const detail = {
      summary: { id: "s", hostId: "h", hostName: "A", name: "S", description: null, visibility: "MembersOnly", policyVersion: 2, memberCount: 0 },
      territoryComuni: ["037006", "999999"],
      territoryProvinces: ["BO"],
      policy: { version: 2, text: "P", publishedAt: "2026-01-01T00:00:00Z" },
      viewerIsAdmin: true,
      viewerSeesMembers: true,
      viewerFirms: [],
      moderators: [],
      version: 4,
      minimumTenderingDays: 12,
      actions: { allowed: ["EditSettings", "PublishPolicy"], blocked: [] },
      postsNeedApproval: false,
      viewerSeesBoard: true,
    } satisfies SpaceDetailDto;
    const edit = formFromDetail(detail, (code) => (code === "037006" ? "Bologna (BO)" : undefined));
    expect(edit).toMatchObject({ hostId: "h", name: "S", description: "", provinces: ["BO"], visibility: "MembersOnly", minimumTenderingDays: "12", policyText: "P" });
    expect(edit.comuni).toEqual([
      { code: "037006", label: "Bologna (BO)" },
      { code: "999999", label: "999999" },
    ]);
  });

  it("builds an application for the policy version read, with an optional message", () => {
    expect(buildApplyRequest("f", "  Ciao  ", 3)).toEqual({ firmId: "f", message: "Ciao", acceptedPolicyVersion: 3 });
    expect(buildApplyRequest("f", "   ", 1)).toEqual({ firmId: "f", message: null, acceptedPolicyVersion: 1 });
  });

  it("builds a decision with its reason trimmed, or none", () => {
    expect(buildDecisionRequest("Reject", "  Fuori zona. ")).toEqual({ decision: "Reject", reason: "Fuori zona." });
    expect(buildDecisionRequest("Approve", "")).toEqual({ decision: "Approve", reason: null });
  });

  it("publishes a policy as typed, and only when it says something new", () => {
    expect(buildPublishRequest("Testo\n")).toEqual({ text: "Testo\n" });
    expect(buildPublishRequest("  ")).toEqual({ text: null });
    expect(policyChanged("Testo\n", "Testo")).toBe(false);
    expect(policyChanged("Testo 2", "Testo")).toBe(true);
  });
});
