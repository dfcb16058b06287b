/** An RFC 9457 problem as the management API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** A refused or failed API call. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.name = "ApiError";
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** The permission a 403 names ("it needs the "users:write" permission"). */
  get missingPermission(): string | undefined {
    return /"([a-z]+:[a-z]+)"/.exec(this.problem?.detail ?? "")?.[1];
  }
}

const FIELD_NAMES: Record<string, string> = {
  email: "Email",
  password: "Password",
  givenName: "Given name",
  familyName: "Family name",
  displayName: "Display name",
  name: "Name",
  roleId: "Role",
};

/** What went wrong, in words an administrator can act on. */
export function describeError(error: unknown): { title: string; message: string } {
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError)
      return {
        title: "The server cannot be reached",
        message: "Check that Meridian is running and your network is up, then try again.",
      };
    return { title: "Something went wrong", message: error instanceof Error ? error.message : String(error) };
  }
  const detail = error.problem?.detail;
  switch (error.status) {
    case 401:
      return { title: "Signed out", message: detail ?? "Sign in again to continue." };
    case 403:
      return {
        title: "Not allowed",
        message: detail ?? "Your role does not allow this. Ask a Security Administrator.",
      };
    case 404:
      return {
        title: "Not found",
        message:
          detail ??
          "It does not exist any more: someone may have deleted it. Go back to the list and refresh.",
      };
    case 413:
      return {
        title: "Too large",
        message: detail ?? "Send less at once: split the file into smaller parts.",
      };
    case 422: {
      const fields = error.problem?.errors
        ?.map((e) => `${FIELD_NAMES[e.field] ?? e.field}: ${e.message}`)
        .join("; ");
      return {
        title: "Check what you entered",
        message: fields ? `${fields}.` : (detail ?? "Invalid input."),
      };
    }
    case 429:
      return { title: "Too many attempts", message: detail ?? "Wait a minute, then try again." };
    default:
      if (error.status >= 500)
        return {
          title: "The server failed",
          message: `${detail ?? "An internal error occurred."} Try again; if it persists, check the server's log.`,
        };
      return { title: error.problem?.title ?? "Refused", message: detail ?? error.message };
  }
}
