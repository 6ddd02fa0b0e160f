import { Foundation1732300000000 } from './migrations/1732300000000-foundation';
import { Conferences1732400000000 } from './migrations/1732400000000-conferences';
import { Attendees1732500000000 } from './migrations/1732500000000-attendees';
import { Outbox1732600000000 } from './migrations/1732600000000-outbox';
import { Awards1732700000000 } from './migrations/1732700000000-awards';
import { Minutes1732800000000 } from './migrations/1732800000000-minutes';
import { ImportHeartbeat1732900000000 } from './migrations/1732900000000-import-heartbeat';
import { ActionItemProgress1733000000000 } from './migrations/1733000000000-action-item-progress';
import { Attendance1733100000000 } from './migrations/1733100000000-attendance';
import { AttendeeStatuses1733200000000 } from './migrations/1733200000000-attendee-statuses';
import { TokenVersion1733300000000 } from './migrations/1733300000000-token-version';
import { RateLimits1733400000000 } from './migrations/1733400000000-rate-limits';
import { RegistrationRequests1733500000000 } from './migrations/1733500000000-registration-requests';
import { SessionAttendance1733600000000 } from './migrations/1733600000000-session-attendance';
import { CalendarReplies1733700000000 } from './migrations/1733700000000-calendar-replies';
import { CompletionRule1733800000000 } from './migrations/1733800000000-completion-rule';
import { Certificates1733900000000 } from './migrations/1733900000000-certificates';
import { Evaluations1734000000000 } from './migrations/1734000000000-evaluations';
import { Materials1734100000000 } from './migrations/1734100000000-materials';
import { AttendeeOrder1734150000000 } from './migrations/1734150000000-attendee-order';

/** Every migration, in order. Hand-written, portable between SQLite and PostgreSQL. */
export const migrations = [
  Foundation1732300000000,
  Conferences1732400000000,
  Attendees1732500000000,
  Outbox1732600000000,
  Awards1732700000000,
  Minutes1732800000000,
  ImportHeartbeat1732900000000,
  ActionItemProgress1733000000000,
  Attendance1733100000000,
  AttendeeStatuses1733200000000,
  TokenVersion1733300000000,
  RateLimits1733400000000,
  RegistrationRequests1733500000000,
  SessionAttendance1733600000000,
  CalendarReplies1733700000000,
  CompletionRule1733800000000,
  Certificates1733900000000,
  Evaluations1734000000000,
  Materials1734100000000,
  AttendeeOrder1734150000000,
];
