export * from "./enrollment/enrollment-profile.js";
export * from "./profiles/profile-summary.js";
