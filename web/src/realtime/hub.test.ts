import { describe, expect, it } from "vitest";
import { combinedLiveState } from "./hub";

describe("combinedLiveState", () => {
  it("is connected only when every topic is", () => {
    expect(combinedLiveState(["connected", "connected"])).toBe("connected");
    expect(combinedLiveState(["connected", "connecting"])).toBe("connecting");
    expect(combinedLiveState(["reconnecting", "connecting"])).toBe("reconnecting");
    expect(combinedLiveState(["connected", "disconnected", "reconnecting"])).toBe("disconnected");
  });

  it("is connecting while there is nothing joined yet", () => {
    expect(combinedLiveState([])).toBe("connecting");
  });
});
