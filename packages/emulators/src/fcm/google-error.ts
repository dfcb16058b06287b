const CANONICAL: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

export const FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

/**
 * Google's error body: {"error": {code, message, status, details}}, with FCM's own code in a
 * FcmError detail when there is one (firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode).
 */
export function googleError(httpStatus: number, message: string, fcmErrorCode?: string) {
  const error: Record<string, unknown> = {
    code: httpStatus,
    message,
    status: CANONICAL[httpStatus] ?? "UNKNOWN",
  };
  if (fcmErrorCode) error.details = [{ "@type": FCM_ERROR_TYPE, errorCode: fcmErrorCode }];
  return { error };
}
