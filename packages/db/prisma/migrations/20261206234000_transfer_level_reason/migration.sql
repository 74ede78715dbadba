-- Same service level first (seed 001 §4.2: "Primært skal jobbspesialist tilknyttet samme
-- tjenestenivå overta oppfølgingen av jobbsøker"): a transfer to another service level while a
-- same-level colleague under the caseload limit is available records why (issue 17 item 5).
-- The row's existing policies cover the new column.
ALTER TABLE "transfer" ADD COLUMN "levelReason" TEXT;
