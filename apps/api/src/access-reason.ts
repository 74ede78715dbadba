/**
 * Why a screen read a job seeker's data (header `x-access-reason`, URI-encoded by the admin's
 * client; issue 15 item 11): it goes into the access log the job seeker may see, so it is cleaned
 * before it is stored — never stored raw. Decoded (a value that does not decode is taken as it
 * came), normalised (NFC), every control, format (bidi overrides, zero-width), surrogate,
 * private-use and unassigned character becomes a space, white space runs become one space, and
 * the text is cut to 200 characters. Nothing left is no reason (null).
 */
export const ACCESS_REASON_MAX = 200;

export function cleanAccessReason(header: string | undefined | null): string | null {
  if (!header) return null;
  // Far longer than any reason: cut before decoding, so the work per request stays bounded.
  let text = header.slice(0, ACCESS_REASON_MAX * 12);
  try {
    text = decodeURIComponent(text);
  } catch {
    // Not URI-encoded (or cut inside an escape): the raw characters, cleaned below.
  }
  const cleaned = text.normalize('NFC').replace(/\p{C}/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (!cleaned) return null;
  // Cut by code point, so a cut never leaves half a surrogate pair.
  return [...cleaned].slice(0, ACCESS_REASON_MAX).join('').trim();
}
