-- Team work (seed 004): the minutes of a team meeting are distributed to the team as a notification.
ALTER TYPE "NotificationKind" ADD VALUE 'MEETING_MINUTES';
