// GovTagKit re-exports the engine, so a program imports GovTagKit alone and sees the front
// door (`GovTag`) with every value type it returns (the Hummingbird / HummingbirdCore habit).
@_exported public import GovTagCore
