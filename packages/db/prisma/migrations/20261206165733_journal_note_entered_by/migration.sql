-- AlterTable
ALTER TABLE "journal_note" ADD COLUMN     "recordedInJournalById" UUID;

-- AddForeignKey
ALTER TABLE "journal_note" ADD CONSTRAINT "journal_note_recordedInJournalById_fkey" FOREIGN KEY ("recordedInJournalById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Who entered the note in the patient record is known for every marking made from now on
-- (markJournalNoteEntered); markings from before this column have no one named.
-- Once entered, a note stays entered, with the same instant and person (nothing is entered twice).
CREATE FUNCTION app.journal_note_entered_once() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF OLD."recordedInJournalAt" IS NOT NULL AND (
       NEW."recordedInJournalAt" IS DISTINCT FROM OLD."recordedInJournalAt"
    OR NEW."recordedInJournalById" IS DISTINCT FROM OLD."recordedInJournalById") THEN
    RAISE EXCEPTION 'journal note % is already entered in the patient record', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER journal_note_entered_once
  BEFORE UPDATE OF "recordedInJournalAt", "recordedInJournalById" ON "journal_note"
  FOR EACH ROW EXECUTE FUNCTION app.journal_note_entered_once();
REVOKE ALL ON FUNCTION app.journal_note_entered_once() FROM PUBLIC;
