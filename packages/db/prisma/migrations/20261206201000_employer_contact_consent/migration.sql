-- Issue 17 item 2: an employer contact or an employer meeting that names a job seeker needs the
-- job seeker's employer-contact consent in force (seed 000 §3: "Dersom jobbsøker ikke ønsker at
-- jobbspesialisten skal ha direkte kontakt med arbeidsgiver, vil jobbstøtten herfra foregå i
-- dialog mellom jobbspesialist og jobbsøker"). The API checks it first (CASL, ConsentRequiredError);
-- these policies refuse the same write below the API. Rows written before stay readable.

-- Whether a job seeker's consent of this scope is given, started, not expired and not withdrawn now.
-- SECURITY DEFINER (as the other helpers that read consents), so the check does not depend on what
-- the caller may read of the consent table.
CREATE FUNCTION app.has_active_consent(p_organization_id uuid, p_job_seeker_id uuid, p_scope "ConsentScope")
  RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM consent c
      WHERE c."organizationId" = p_organization_id AND c."jobSeekerId" = p_job_seeker_id
        AND c.scope = p_scope AND c."deletedAt" IS NULL AND c."withdrawnAt" IS NULL
        AND c."validFrom" <= now() AND (c."validUntil" IS NULL OR c."validUntil" > now()))
  $$;
REVOKE ALL ON FUNCTION app.has_active_consent(uuid, uuid, "ConsentScope") FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.has_active_consent(uuid, uuid, "ConsentScope") TO ips_app;

-- A contact naming a job seeker: only with the consent.
CREATE POLICY employer_contact_consent ON "employer_contact" AS RESTRICTIVE FOR INSERT TO ips_app
  WITH CHECK ("jobSeekerId" IS NULL
    OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'));

-- A meeting with the employer (the employer among the participants, or the meeting before the job
-- starts, seed 000 §4.1): booked or recorded as held only with the consent. Cancelling a booking
-- stays possible after a withdrawal.
CREATE POLICY employer_meeting_consent ON "follow_up_meeting" AS RESTRICTIVE FOR INSERT TO ips_app
  WITH CHECK (NOT ('EMPLOYER' = ANY (participants) OR purpose = 'EMPLOYER_MEETING_BEFORE_START')
    OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'));
CREATE POLICY employer_meeting_consent_update ON "follow_up_meeting" AS RESTRICTIVE FOR UPDATE TO ips_app
  USING (true)
  WITH CHECK (status = 'CANCELLED'
    OR NOT ('EMPLOYER' = ANY (participants) OR purpose = 'EMPLOYER_MEETING_BEFORE_START')
    OR app.has_active_consent("organizationId", "jobSeekerId", 'EMPLOYER_CONTACT'));
