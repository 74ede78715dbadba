-- CreateTable
CREATE TABLE "idempotency_key" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" CHAR(64) NOT NULL,
    "status" INTEGER,
    "response" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "idempotency_key_createdAt_idx" ON "idempotency_key"("createdAt");

-- Row-level security: a user's keys are theirs alone (the key is chosen by the client).
ALTER TABLE "idempotency_key" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "idempotency_key" FORCE ROW LEVEL SECURITY;
CREATE POLICY own_keys ON "idempotency_key"
  USING ("userId" = (SELECT app.current_user_id()))
  WITH CHECK ("userId" = (SELECT app.current_user_id()));
GRANT SELECT, INSERT, UPDATE ON "idempotency_key" TO ips_app;
REVOKE DELETE ON "idempotency_key" FROM ips_app;  -- removed only by the retention job (owner)
