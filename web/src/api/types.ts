// Names for the server's DTOs, all taken from the generated OpenAPI schema (npm run gen:api).
import type { components } from "./schema";

type Schemas = components["schemas"];

export type MeDto = Schemas["MeDto"];
export type DirectoryPageDto = Schemas["DirectoryPageDto"];
export type DirectoryEntryDto = Schemas["DirectoryEntryDto"];
export type CreateBusinessRequest = Schemas["CreateBusinessRequest"];
export type BusinessProfileDto = Schemas["BusinessProfileDto"];
export type CapabilityDto = Schemas["CapabilityDto"];
export type LocalityDto = Schemas["LocalityDto"];
export type EditProfileRequest = Schemas["EditProfileRequest"];
export type MyBusinessDto = Schemas["MyBusinessDto"];
export type BusinessMemberDto = Schemas["BusinessMemberDto"];
export type AddMemberRequest = Schemas["AddMemberRequest"];
export type CpvEntryDto = Schemas["CpvEntryDto"];
export type ComuneDto = Schemas["ComuneDto"];

// Enums are read off the DTO properties so that only the DTO names are part of the contract.
export type BusinessKind = BusinessProfileDto["kind"];
export type BusinessSize = NonNullable<DirectoryEntryDto["size"]>;
export type MemberRole = MyBusinessDto["role"];
export type InvitableRole = AddMemberRequest["role"];
