// Only imports: one file per type, with its queries and mutations beside it.
import { builder } from '../builder.js';
import './enums.js';
import './organization.js';
import './viewer.js';
import './job-seeker.js';
import './errors.js';
import './consent.js';
import './access-log.js';
import './tenant.js';
import './case-path.js';
import './employer.js';
import './employment.js';
import './follow-up.js';
import './support-plan.js';
import './career-profile.js';
import './journal-note.js';
import './deadline.js';
import './deadline-settings.js';
import './application.js';
import './study.js';
import './notification.js';
import './absence.js';
import './transfer.js';
import './team.js';
import './team-roster.js';
import './measures.js';
import './team-meeting.js';
import './fidelity.js';
import './staffing.js';
import './tenant-setup.js';
import './case-deletion.js';
import './reminder.js';
import './team-consent.js';

builder.queryType({});
builder.mutationType({});

export const schema = builder.toSchema({ sortSchema: true });
