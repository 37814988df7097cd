// Refusals of joint bids: Marketplace.Grains/JointBids and the joint bid endpoints.
import type { RefusalTexts } from "./texts";

export const jointBids = {} satisfies RefusalTexts;
