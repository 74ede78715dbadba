/**
 * The bench measures the job seeker's page with the document the admin sends: this fails when the
 * page's query changes and the bench's copy (packages/bench/src/admin-documents.ts) does not follow.
 */
import { stringifyDocument } from 'urql';
import { describe, expect, it } from 'vitest';
import { JOB_SEEKER_PAGE_DOCUMENT } from '../../../../packages/bench/src/admin-documents.js';
import { JOB_SEEKER_PAGE } from './query.js';

const normal = (doc: string) => doc.replace(/\s+/g, ' ').trim();

describe('the bench’s job-seeker page', () => {
  it('sends the document the admin sends', () => {
    const now = stringifyDocument(JOB_SEEKER_PAGE);
    expect(
      normal(JOB_SEEKER_PAGE_DOCUMENT),
      `copy this into JOB_SEEKER_PAGE_DOCUMENT (packages/bench/src/admin-documents.ts):\n${now}`,
    ).toBe(normal(now));
  });
});
