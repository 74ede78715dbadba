/**
 * Job seekers and organisations are relay nodes with global ids (base64 of `Type:uuid`); the
 * mutations and most arguments take the raw uuid. One helper, so every area decodes the same way.
 */
export function rawId(globalId: string): string {
  try {
    const [, id] = atob(globalId).split(':');
    return id ?? globalId;
  } catch {
    return globalId;
  }
}
