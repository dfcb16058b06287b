/** What text search matches against: lower-case, single-spaced, one string per record. */
export function searchText(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === "string" && part.length > 0)
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately plain: one @, no spaces, a dot in the domain. Mail servers decide the rest.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value) && !CONTROL.test(value);
}
