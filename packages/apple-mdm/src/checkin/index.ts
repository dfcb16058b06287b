export { enrollmentKey, type EnrollmentIdentity } from "./identity.js";
export { checkinFromDict, parseCheckin } from "./parse.js";
export * from "./types.js";
