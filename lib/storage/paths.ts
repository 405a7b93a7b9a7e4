import path from "node:path";

const CLINIC_FOLDER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Control characters, backslashes (a folder separator on some systems) and NUL.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * An object path, checked before either file store touches it: relative, already normalised
 * (no ".", ".." or empty segments), and inside a clinic's folder (first segment a clinic id, the
 * given one when known). A path like "<clinic>/../<other>/x.pdf" is refused, not resolved.
 */
export function checkObjectPath(objectPath: string, clinicId?: string): string {
  const segments = objectPath.split("/");
  const normalised = path.posix.normalize(objectPath);
  if (
    UNSAFE.test(objectPath) ||
    normalised !== objectPath ||
    segments.length < 2 ||
    segments.some((segment) => segment === "" || segment === "." || segment === "..") ||
    !CLINIC_FOLDER.test(segments[0]!) ||
    (clinicId !== undefined && segments[0] !== clinicId)
  )
    throw new Error("Object path is not inside a clinic's folder");
  return objectPath;
}
