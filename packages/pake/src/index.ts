export {
  activationContext,
  createProverSession,
  createVerifierSession,
  type ExchangeParties,
  type ProverSession,
  type VerifierSession,
} from "./activation-exchange.js";
export {
  type ActivationRecord,
  createActivationRecord,
  passwordMatchesRecord,
  type DeriveScalars,
} from "./activation-record.js";
export { isPakeError, PakeError, type PakeErrorCode } from "./pake-error.js";
