import { describe, expect, it } from "vitest";
import { packageControls } from "./package-controls";
import { workPackage } from "./test-fixtures";

describe("a work package's controls", () => {
  it("offers its owner's people editing and deleting, and the firm choice only inside the form", () => {
    expect(packageControls(workPackage("a", { actions: { allowed: ["Edit", "Delete", "Reassign"], blocked: [] } })))
      .toEqual({ edit: true, delete: true, reassign: false, ownerOnly: false });
    expect(packageControls(workPackage("a", { actions: { allowed: ["Edit", "Delete"], blocked: [] } })))
      .toEqual({ edit: true, delete: true, reassign: false, ownerOnly: false });
  });

  it("offers the lead only giving another firm's package away", () => {
    expect(packageControls(workPackage("a", { actions: { allowed: ["Reassign"], blocked: [] } })))
      .toEqual({ edit: false, delete: false, reassign: true, ownerOnly: false });
  });

  it("offers another member nothing, and says whose the package is", () => {
    expect(packageControls(workPackage("a", { actions: { allowed: [], blocked: [] } })))
      .toEqual({ edit: false, delete: false, reassign: false, ownerOnly: true });
  });
});
