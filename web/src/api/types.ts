// Names for the server's DTOs, all taken from the generated OpenAPI schema (npm run gen:api).
import type { components } from "./schema";

type Schemas = components["schemas"];

type Dto<Name extends keyof Schemas> = Schemas[Name];

export type MeDto = Dto<"MeDto">;
export type DirectoryPageDto = Dto<"DirectoryPageDto">;
export type DirectoryEntryDto = Dto<"DirectoryEntryDto">;
export type CreateBusinessRequest = Dto<"CreateBusinessRequest">;
export type BusinessProfileDto = Dto<"BusinessProfileDto">;
/** A CPV code with both labels: a business's capability, and a CPV search result. */
export type CapabilityDto = Dto<"CapabilityDto">;
export type LocalityDto = Dto<"LocalityDto">;
export type EditProfileRequest = Dto<"EditProfileRequest">;
export type MyBusinessDto = Dto<"MyBusinessDto">;
export type BusinessMemberDto = Dto<"BusinessMemberDto">;
export type AddMemberRequest = Dto<"AddMemberRequest">;
export type ComuneDto = Dto<"ComuneDto">;

export type SpaceSummaryDto = Dto<"SpaceSummaryDto">;
export type SpaceDetailDto = Dto<"SpaceDetailDto">;
export type SpacePolicyDto = Dto<"SpacePolicyDto">;
export type FirmStandingDto = Dto<"FirmStandingDto">;
export type SpaceMembershipDto = Dto<"SpaceMembershipDto">;
export type MembershipEventDto = Dto<"MembershipEventDto">;
export type CreateSpaceRequest = Dto<"CreateSpaceRequest">;
export type EditSpaceSettingsRequest = Dto<"EditSpaceSettingsRequest">;
export type PublishPolicyRequest = Dto<"PublishPolicyRequest">;
export type ApplyRequest = Dto<"ApplyRequest">;
export type AcceptPolicyRequest = Dto<"AcceptPolicyRequest">;
export type DecisionRequest = Dto<"DecisionRequest">;
export type InviteRequest = Dto<"InviteRequest">;
export type ModeratorRequest = Dto<"ModeratorRequest">;
export type ModeratorDto = Dto<"ModeratorDto">;
export type SpaceDirectoryPageDto = Dto<"SpaceDirectoryPageDto">;
export type SpaceDirectoryEntryDto = Dto<"SpaceDirectoryEntryDto">;
export type VerificationDto = Dto<"VerificationDto">;
export type SpaceDashboardDto = Dto<"SpaceDashboardDto">;
export type MembersAtMonthDto = Dto<"MembersAtMonthDto">;
export type DivisionCoverageDto = Dto<"DivisionCoverageDto">;
export type ProvinceCountDto = Dto<"ProvinceCountDto">;

// Enums are read off the DTO properties so that only the DTO names are part of the contract.
export type BusinessKind = BusinessProfileDto["kind"];
export type BusinessSize = NonNullable<DirectoryEntryDto["size"]>;
export type MemberRole = MyBusinessDto["role"];
export type SpaceVisibility = SpaceSummaryDto["visibility"];
/** A firm's standing in a space; the schema's enum admits null, which FirmStandingDto uses for "never involved". */
export type MembershipStatus = NonNullable<SpaceMembershipDto["status"]>;
export type MembershipDecision = NonNullable<DecisionRequest["decision"]>;

export type MoneyDto = Dto<"MoneyDto">;
export type ShowcaseDto = Dto<"ShowcaseDto">;
export type ShowcasePartnerDto = Dto<"ShowcasePartnerDto">;
export type PublishShowcaseRequest = Dto<"PublishShowcaseRequest">;
export type EditShowcaseRequest = Dto<"EditShowcaseRequest">;
export type AnswerShowcaseRequest = Dto<"AnswerShowcaseRequest">;
export type EndorsementDto = Dto<"EndorsementDto">;
export type EndorseRequest = Dto<"EndorseRequest">;
export type PartnerConfirmation = ShowcasePartnerDto["confirmation"];
