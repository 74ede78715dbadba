/**
 * Access and change log entries collected during a request and written in the same transaction
 * (one statement, sent with the COMMIT: ADR 0014), so a rolled-back request leaves none and a
 * committed one always has them. Each row is written once and never updated (ADR 0017): ids are
 * time-ordered (UUID version 7) so the month's primary-key index grows at its right edge.
 */
import { type Role, sqlLiteral } from '@ips/db';

export type AuditAction = 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT';

export interface AuditEntry {
  organizationId: string;
  jobSeekerId: string | null;
  action: AuditAction;
  area: string;
  entityType: string;
  entityId: string | null;
  reason?: string | null;
}

export class AuditTrail {
  private readonly entries = new Map<string, AuditEntry>();

  constructor(
    private readonly actor: {
      userId: string;
      roleIn: (organizationId: string) => Role | null;
      organizationIds: readonly string[];
    },
    private readonly requestId: string,
    /** Why the user opened the record, when the client says (header `x-access-reason`). */
    private readonly reason: string | null = null,
  ) {}

  record(entry: AuditEntry): void {
    // One row per (action, entity) and request, under the first area that touched it.
    const key = `${entry.action}:${entry.entityType}:${entry.entityId}`;
    if (!this.entries.has(key)) this.entries.set(key, entry);
  }

  /** A change to staffing or team data (no job seeker's data involved). */
  change(
    organizationId: string,
    action: AuditAction,
    area: string,
    entityType: string,
    entityId: string,
  ): void {
    this.record({ organizationId, jobSeekerId: null, action, area, entityType, entityId });
  }

  get size(): number {
    return this.entries.size;
  }

  private takeRows() {
    const rows = [...this.entries.values()].map((e) => {
      const role = this.actor.roleIn(e.organizationId);
      const actorOrganizationId = role ? e.organizationId : (this.actor.organizationIds[0] ?? null);
      return {
        organizationId: e.organizationId,
        actorUserId: this.actor.userId,
        actorRole: role ?? (actorOrganizationId ? this.actor.roleIn(actorOrganizationId) : null),
        actorOrganizationId,
        jobSeekerId: e.jobSeekerId,
        action: e.action,
        area: e.area,
        entityType: e.entityType,
        entityId: e.entityId,
        reason: e.reason ?? this.reason,
        requestId: this.requestId,
      };
    });
    this.entries.clear();
    return rows;
  }

  /**
   * The entries as one INSERT with literals only, to be sent with the transaction's COMMIT (ADR
   * 0014); null when there are none. The rows travel as one escaped JSON literal.
   */
  insertSql(): string | null {
    if (this.entries.size === 0) return null;
    return `INSERT INTO audit_log (id, "organizationId", "actorUserId", "actorRole", "actorOrganizationId", "jobSeekerId",
  action, area, "entityType", "entityId", reason, "requestId")
SELECT app.uuid_v7(), t."organizationId", t."actorUserId", t."actorRole"::"Role", t."actorOrganizationId", t."jobSeekerId",
  t.action::"AuditAction", t.area, t."entityType", t."entityId", t.reason, t."requestId"
FROM json_to_recordset(${sqlLiteral(JSON.stringify(this.takeRows()))}::json) AS t("organizationId" uuid, "actorUserId" uuid,
  "actorRole" text, "actorOrganizationId" uuid, "jobSeekerId" uuid, action text, area text, "entityType" text,
  "entityId" uuid, reason text, "requestId" text)`;
  }
}
