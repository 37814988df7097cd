// Refusals of alliances: Marketplace.Grains/Alliances and the alliance endpoints.
import type { RefusalTexts } from "./texts";

export const alliances = {} satisfies RefusalTexts;
