import { ApiError } from '../../lib/errors';

/** An evaluation's ETag: its revision, bumped by every change. */
export const etagOf = (e: { id: string; revision: number }) => `"${e.id}.${e.revision}"`;

/**
 * If-Match is required (428) and must name the current revision (412): two supervisors
 * editing the same evaluation cannot silently overwrite each other.
 */
export function assertIfMatch(ifMatch: string | undefined, current: { id: string; revision: number }): void {
  if (!ifMatch) throw new ApiError('PRECONDITION_REQUIRED', { message: 'ETAG_REQUIRED' });
  const sent = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  // `*` ("whatever is there") is exactly the blind overwrite If-Match is here to prevent. It
  // is refused like a stale tag, but says so: nobody else changed anything.
  if (sent.includes('*')) throw new ApiError('PRECONDITION_FAILED', { message: 'ETAG_WILDCARD' });
  const etag = etagOf(current);
  if (!sent.includes(etag)) {
    throw new ApiError('PRECONDITION_FAILED', { message: 'ETAG_STALE', params: { etag } });
  }
}
