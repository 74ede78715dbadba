-- Issue 17, benefits counselling (IPS principle 5, seed 003 §5): the enums first, in their own
-- migration, because the next one's policies use the new NavShareScope value (a value added by
-- ALTER TYPE cannot be used in the transaction that adds it).

-- CreateEnum
CREATE TYPE "Benefit" AS ENUM ('WORK_ASSESSMENT_ALLOWANCE', 'DISABILITY_BENEFIT', 'SOCIAL_ASSISTANCE', 'SICKNESS_BENEFIT', 'UNEMPLOYMENT_BENEFIT', 'QUALIFICATION_BENEFIT', 'HOUSING_ALLOWANCE', 'OTHER');

-- AlterEnum
ALTER TYPE "DeadlineRule" ADD VALUE 'BENEFITS_FOLLOW_UP';

-- AlterEnum
ALTER TYPE "JournalNoteKind" ADD VALUE 'BENEFITS_COUNSELLING';

-- AlterEnum
ALTER TYPE "NavShareScope" ADD VALUE 'BENEFITS_COUNSELLING';
