-- Issue 17 item 4: the kind of a contact with the job seeker (face to face, phone, video) is
-- recorded, so that the contact after a job ends (seed 000 §8: "Jobbspesialisten kontakter
-- jobbsøker senest tre dager etter …") is closed by any kind, while the follow-up meetings after a
-- job start stay face to face (seed 000 §7: "Disse møtene skal være ansikt til ansikt").

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('FACE_TO_FACE', 'PHONE', 'VIDEO');

-- AlterTable
ALTER TABLE "follow_up_meeting" ADD COLUMN     "contactKind" "ContactKind";

-- Meetings recorded face to face before the kind was asked were face to face.
UPDATE "follow_up_meeting" SET "contactKind" = 'FACE_TO_FACE' WHERE "faceToFace";
