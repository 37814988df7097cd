import { describe, expect, it } from "vitest";
import { shownTab, tabForKey } from "./tabs";

const tabs = ["overview", "bid", "history"] as const;

describe("tabForKey", () => {
  it("moves to the next and previous tab with the arrow keys, wrapping at both ends", () => {
    expect(tabForKey(tabs, "overview", "ArrowRight")).toBe("bid");
    expect(tabForKey(tabs, "history", "ArrowRight")).toBe("overview");
    expect(tabForKey(tabs, "overview", "ArrowLeft")).toBe("history");
    expect(tabForKey(tabs, "bid", "ArrowUp")).toBe("overview");
    expect(tabForKey(tabs, "bid", "ArrowDown")).toBe("history");
  });

  it("goes to the first and last tab with Home and End", () => {
    expect(tabForKey(tabs, "bid", "Home")).toBe("overview");
    expect(tabForKey(tabs, "bid", "End")).toBe("history");
  });

  it("leaves other keys to the page (Tab leaves the list, Enter is the button's)", () => {
    expect(tabForKey(tabs, "bid", "Tab")).toBeNull();
    expect(tabForKey(tabs, "bid", "Enter")).toBeNull();
  });
});

describe("shownTab", () => {
  it("shows the tab the address names when the viewer has it", () => {
    expect(shownTab(tabs, "history")).toBe("history");
  });

  it("shows the first tab for no tab, or one this viewer does not have (an invited firm has no bid yet)", () => {
    expect(shownTab(tabs, undefined)).toBe("overview");
    expect(shownTab(["overview", "history"], "bid")).toBe("overview");
  });
});
