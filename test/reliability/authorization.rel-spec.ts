import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestTables } from './data-digest';
import { AccessFixture, buildAccessFixture, idResolver, TEST_JWT_SECRET } from './fixture';
import { operationsOf } from './openapi-fuzz';
import { RunningApp, signToken } from './running-app';

/*
 * Who may do what, as one table, and every cell of it tried against the running app.
 *
 * Callers: admin, organizer, viewer, the operator of the fixture's bridge point ("own"), the
 * operator of another point of the same conference ("other"), and with no token ("anonymous").
 * A seventh caller is derived from the table: an operator whose only point belongs to another
 * conference ("outsider") does not see this conference at all, so wherever an operator may act
 * on a route under /api/conferences/{id}, the outsider gets 404.
 *
 * Cells of the table:
 *   Y  allowed: a read answers 2xx (every id of the fixture is real); a write anything but 401
 *      and 403 (see below why it is mostly 400)
 *   N  forbidden by role: 403
 *   H  hidden by the operator's scope: 404, as for an id that does not exist (DESIGN: an operator
 *      sees and changes only its own bridge point; a scope never answers 403, so it does not
 *      tell an operator which ids exist elsewhere)
 * Anonymous column: TOKEN (a bearer token is needed: no token, an expired, a forged or a garbage
 * one, and the token of a user deactivated since, answer 401), ANYONE (no token needed), or the
 * kind of signed link the route opens. A link route works with a live link of its kind whoever
 * calls (a bearer token neither helps nor hurts), and answers 404 or 410 for a link of another
 * kind, a revoked or expired link of its kind, and a token that is no link at all. No cell of
 * any kind may answer 5xx.
 *
 * Keeping the fixture intact (no cell may change what another cell sees):
 * - Cells that are let through on a route with a JSON body send a body with an unknown field.
 *   Guards run before pipes, so the answer is 400 after the guard let the caller in, and nothing
 *   is written. Cells refused by a guard (401/403) send the same body.
 * - Cells that must be refused by scope or by the link (H, and wrong, revoked or expired links on
 *   mutating routes) must reach the service, so they send a valid body from SAFE_BODIES, chosen
 *   to change nothing even if the refusal were missing (a stale `version`, a connection check, an
 *   attendance of 0), and run in a second phase after every other cell.
 * - Mutating routes without a body (DELETE, check-in, resend…): cells that are let through use
 *   an id that does not exist in place of the last path parameter (the guard passes, then 404);
 *   refused-by-scope cells use the real id and run in the second phase. File uploads get a JSON
 *   body, which the upload reader refuses.
 * - The API's link actions validate the body before they read the link, so a live link is shown
 *   to open only by carrying the action out, with the same SAFE_BODIES (a stale version answers
 *   409 after the link was read). Those cells, and the page forms that take no fields (accept,
 *   calendar feed), run last, one at a time, in table order; no cell after them looks at the
 *   attendee or the point they change. Page forms with fields get an empty form: 400 once the
 *   page has read the link, 404/410 when it cannot.
 * - The test checks the approach: every table's digest is the same after the first two phases.
 * - Signing out ends the caller's sessions, so the callers let through it do so in a fourth phase,
 *   after every cell that uses their tokens.
 */

const SIGN_OUT = 'POST /api/auth/logout';

const Y = 'allowed';
const N = 'forbidden';
const H = 'hidden';
type Access = typeof Y | typeof N | typeof H;

const TOKEN = 'bearer token';
const ANYONE = 'anyone';
const BP_LINK = 'bridge-point link';
const RSVP_LINK = 'RSVP link';
const CAL_LINK = 'calendar link';
type LinkKind = typeof BP_LINK | typeof RSVP_LINK | typeof CAL_LINK;
/** Console pages: a console session cookie is needed (a bearer token is none); without one a page or a form post is sent to the sign-in page (303). */
const CONSOLE = 'console session';
/** The console's sign-in form post: without the sign-in page's pre-session cookie its CSRF token cannot hold (403). */
const CONSOLE_SIGN_IN = 'console sign-in form';
type Entry = typeof TOKEN | typeof ANYONE | LinkKind | typeof CONSOLE | typeof CONSOLE_SIGN_IN;

type Row = readonly [operation: string, admin: Access, organizer: Access, viewer: Access, own: Access, other: Access, anonymous: Entry];

const TABLE: readonly Row[] = [
  // operation                                                                        admin organizer viewer own other anonymous
  ['POST /api/auth/login',                                                              Y, Y, Y, Y, Y, ANYONE],
  ['GET /api/auth/me',                                                                  Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/auth/logout',                                                             Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/users',                                                                    Y, N, N, N, N, TOKEN],
  ['POST /api/users',                                                                   Y, N, N, N, N, TOKEN],
  ['GET /api/users/{id}',                                                               Y, N, N, N, N, TOKEN],
  ['PATCH /api/users/{id}',                                                             Y, N, N, N, N, TOKEN],
  ['GET /api/administrative-units',                                                     Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/administrative-units/{code}',                                              Y, Y, Y, Y, Y, TOKEN],

  ['POST /api/conferences',                                                             Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences',                                                              Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}',                                                         Y, Y, Y, Y, Y, TOKEN],
  ['PATCH /api/conferences/{id}',                                                       Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}',                                                      Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/publish',                                                Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/start',                                                  Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/complete',                                               Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/cancel',                                                 Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/clone',                                                  Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/audit',                                                   Y, Y, N, N, N, TOKEN],

  ['GET /api/conferences/{id}/bridge-points',                                           Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/bridge-points',                                          Y, Y, N, N, N, TOKEN],
  // Counts over every point of the conference: more than an operator's own point.
  ['GET /api/conferences/{id}/bridge-points/summary',                                   Y, Y, Y, N, N, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/links',                                    Y, Y, N, N, N, TOKEN],
  // Every point's contacts at once is the organizers' work; an operator gives its own point's contacts when it confirms.
  ['POST /api/conferences/{id}/bridge-points/contacts/import',                          Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/bridge-points/{bpId}',                                    Y, Y, Y, Y, H, TOKEN],
  ['PATCH /api/conferences/{id}/bridge-points/{bpId}',                                  Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/confirm',                           Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/decline',                           Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/reopen',                            Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/connection-checks',                 Y, Y, N, Y, H, TOKEN],
  ['GET /api/conferences/{id}/bridge-points/{bpId}/connection-checks',                  Y, Y, Y, Y, H, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/attendance',                        Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/bridge-points/{bpId}/links',                             Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}/bridge-points/{bpId}/links',                           Y, Y, N, N, N, TOKEN],
  ['GET /api/public/bridge-points/{token}',                                             Y, Y, Y, Y, Y, BP_LINK],
  ['POST /api/public/bridge-points/{token}/confirm',                                    Y, Y, Y, Y, Y, BP_LINK],
  ['POST /api/public/bridge-points/{token}/decline',                                    Y, Y, Y, Y, Y, BP_LINK],
  ['POST /api/public/bridge-points/{token}/connection-checks',                          Y, Y, Y, Y, Y, BP_LINK],
  ['POST /api/public/bridge-points/{token}/attendance',                                 Y, Y, Y, Y, Y, BP_LINK],

  ['GET /api/conferences/{id}/agenda-items',                                            Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/agenda-items',                                           Y, Y, N, N, N, TOKEN],
  ['PATCH /api/conferences/{id}/agenda-items/{itemId}',                                 Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}/agenda-items/{itemId}',                                Y, Y, N, N, N, TOKEN],
  // Session attendance (the fixture's item is a session): an operator marks and sees the people of its own points (others' codes are "unknown").
  ['GET /api/conferences/{id}/agenda-items/{itemId}/attendance',                        Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/agenda-items/{itemId}/attendance',                       Y, Y, N, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/agenda-items/{itemId}/attendance/import',                Y, Y, N, Y, Y, TOKEN],
  // The rotating code a session's hall screen shows (a point's screen too); the holder of an RSVP link enters it.
  ['GET /api/conferences/{id}/agenda-items/{itemId}/check-in-code',                     Y, Y, N, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/agenda-items/{itemId}/check-in-code.svg',                 Y, Y, N, Y, Y, TOKEN],
  ['POST /api/public/rsvp/{token}/sessions/{itemId}/check-in',                          Y, Y, Y, Y, Y, RSVP_LINK],
  // Completion of a training: every role reads it; an operator sees the people of its own points.
  ['GET /api/conferences/{id}/completions',                                             Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/completions.xlsx',                                        Y, Y, Y, Y, Y, TOKEN],
  // Certificates belong to the issuing office's register: organizers issue and revoke, viewers read, operators neither.
  ['POST /api/conferences/{id}/certificates',                                           Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/certificates',                                            Y, Y, Y, N, N, TOKEN],
  ['GET /api/conferences/{id}/certificates.pdf',                                        Y, Y, Y, N, N, TOKEN],
  ['GET /api/conferences/{id}/certificates/{certId}.pdf',                               Y, Y, Y, N, N, TOKEN],
  ['POST /api/conferences/{id}/certificates/{certId}/revoke',                           Y, Y, N, N, N, TOKEN],
  // Anyone holding a certificate's code may check it; an unknown code answers 404 alike.
  ['GET /api/public/certificates/{code}',                                               Y, Y, Y, Y, Y, ANYONE],
  ['GET /api/conferences/{id}/evaluation-form',                                         Y, Y, Y, Y, Y, TOKEN],
  ['PUT /api/conferences/{id}/evaluation-form',                                         Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/evaluations/summary',                                     Y, Y, Y, N, N, TOKEN],
  ['GET /api/conferences/{id}/evaluations.xlsx',                                        Y, Y, Y, N, N, TOKEN],
  ['GET /api/public/rsvp/{token}/evaluation',                                           Y, Y, Y, Y, Y, RSVP_LINK],
  ['POST /api/public/rsvp/{token}/evaluation',                                          Y, Y, Y, Y, Y, RSVP_LINK],
  ['GET /api/speakers',                                                                 Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/speakers',                                                                Y, Y, N, N, N, TOKEN],
  ['GET /api/speakers/{id}',                                                            Y, Y, Y, Y, Y, TOKEN],
  ['PATCH /api/speakers/{id}',                                                          Y, Y, N, N, N, TOKEN],
  ['DELETE /api/speakers/{id}',                                                         Y, Y, N, N, N, TOKEN],
  ['GET /api/speakers/{id}/agenda-items',                                               Y, Y, Y, Y, Y, TOKEN],

  // An operator lists, adds and checks in the delegates of its own points (others' codes are "unknown").
  ['GET /api/conferences/{id}/attendees',                                               Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/attendees',                                              Y, Y, N, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/attendees/check-in',                                     Y, Y, N, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/attendees/{attendeeId}',                                  Y, Y, Y, Y, H, TOKEN],
  ['PATCH /api/conferences/{id}/attendees/{attendeeId}',                                Y, Y, N, Y, H, TOKEN],
  ['DELETE /api/conferences/{id}/attendees/{attendeeId}',                               Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/attendees/{attendeeId}/check-in',                        Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/attendees/{attendeeId}/links',                           Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}/attendees/{attendeeId}/links',                         Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/attendees/import',                                       Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/attendees/import-jobs/{jobId}',                           Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/attendees/export.csv',                                    Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/attendees/export.xlsx',                                   Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/public/rsvp/{token}',                                                      Y, Y, Y, Y, Y, RSVP_LINK],
  ['POST /api/public/rsvp/{token}/accept',                                              Y, Y, Y, Y, Y, RSVP_LINK],
  ['POST /api/public/rsvp/{token}/decline',                                             Y, Y, Y, Y, Y, RSVP_LINK],
  ['POST /api/public/rsvp/{token}/substitute',                                          Y, Y, Y, Y, Y, RSVP_LINK],
  ['GET /api/public/conferences/{id}/registration',                                     Y, Y, Y, Y, Y, ANYONE],
  ['POST /api/public/conferences/{id}/registration',                                    Y, Y, Y, Y, Y, ANYONE],
  // The token is mailed to the address that registered; anyone holding it confirms (a wrong one answers 404).
  ['POST /api/public/registration-confirmations/{token}',                               Y, Y, Y, Y, Y, ANYONE],

  ['GET /api/conferences/{id}/calendar.ics',                                            Y, Y, Y, Y, Y, TOKEN],
  // An invitation to send on, not a record to read: the attendee's data itself is readable by viewers.
  ['GET /api/conferences/{id}/attendees/{attendeeId}/invite.ics',                       Y, Y, N, Y, H, TOKEN],
  ['POST /api/conferences/{id}/attendees/{attendeeId}/calendar-link',                   Y, Y, N, N, N, TOKEN],
  ['GET /api/public/calendar/{token}.ics',                                              Y, Y, Y, Y, Y, CAL_LINK],
  ['POST /api/conferences/{id}/invitations',                                            Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/deliveries',                                              Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/deliveries/{deliveryId}',                                 Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/deliveries/{deliveryId}/resend',                         Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/calendar-replies',                                        Y, Y, Y, N, N, TOKEN],

  ['GET /api/award-forms',                                                              Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/award-forms',                                                             Y, Y, N, N, N, TOKEN],
  // An operator reads the awards presented at its own points (the fixture's recipient is at "own").
  ['GET /api/conferences/{id}/award-decisions',                                         Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/award-decisions',                                        Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/award-decisions/{decisionId}',                            Y, Y, Y, Y, H, TOKEN],
  ['PATCH /api/conferences/{id}/award-decisions/{decisionId}',                          Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}/award-decisions/{decisionId}',                         Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/award-decisions/{decisionId}/recipients',                Y, Y, N, N, N, TOKEN],
  ['PATCH /api/conferences/{id}/award-decisions/{decisionId}/recipients/{recipientId}', Y, Y, N, N, N, TOKEN],
  ['DELETE /api/conferences/{id}/award-decisions/{decisionId}/recipients/{recipientId}', Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/award-decisions/{decisionId}/recipients/import',         Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/awards.csv',                                              Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/awards.xlsx',                                             Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/awards.docx',                                             Y, Y, Y, Y, Y, TOKEN],

  ['POST /api/conferences/{id}/minutes',                                                Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/minutes',                                                 Y, Y, Y, Y, Y, TOKEN],
  ['PATCH /api/conferences/{id}/minutes',                                               Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/minutes/approve',                                        Y, Y, N, N, N, TOKEN],
  ['POST /api/conferences/{id}/minutes/reopen',                                         Y, N, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/minutes/revisions',                                       Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/minutes.docx',                                            Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/minutes.pdf',                                             Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/conclusion-notice',                                      Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/conclusion-notice',                                       Y, Y, Y, Y, Y, TOKEN],
  ['PATCH /api/conferences/{id}/conclusion-notice',                                     Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/conclusion-notice.docx',                                  Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/conclusion-notice.pdf',                                   Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/action-items',                                            Y, Y, Y, Y, Y, TOKEN],
  ['POST /api/conferences/{id}/action-items',                                           Y, Y, N, N, N, TOKEN],
  // An operator reports progress (status, progressNote) on the items assigned to its own points (the fixture's item is at "own").
  ['PATCH /api/conferences/{id}/action-items/{itemId}',                                 Y, Y, N, Y, H, TOKEN],
  ['GET /api/action-items',                                                             Y, Y, Y, Y, Y, TOKEN],

  // The status board shows every point of the conference: not for operators.
  // Materials: organizers upload, delete and mail again; every role reads (operators: those for the points, as the fixture's is);
  // the download log is the organizers' and viewers'. Link holders list and download what their link's audience allows.
  ['POST /api/conferences/{id}/materials',                                              Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/materials',                                               Y, Y, Y, Y, Y, TOKEN],
  ['GET /api/conferences/{id}/materials/{materialId}/file',                             Y, Y, Y, Y, Y, TOKEN],
  ['DELETE /api/conferences/{id}/materials/{materialId}',                               Y, Y, N, N, N, TOKEN],
  ['GET /api/conferences/{id}/materials/{materialId}/downloads',                        Y, Y, Y, N, N, TOKEN],
  ['POST /api/conferences/{id}/materials/{materialId}/resend',                          Y, Y, N, N, N, TOKEN],
  ['GET /api/public/bridge-points/{token}/materials',                                   Y, Y, Y, Y, Y, BP_LINK],
  ['GET /api/public/bridge-points/{token}/materials/{materialId}/file',                 Y, Y, Y, Y, Y, BP_LINK],
  ['GET /api/public/rsvp/{token}/materials',                                            Y, Y, Y, Y, Y, RSVP_LINK],
  ['GET /api/public/rsvp/{token}/materials/{materialId}/file',                          Y, Y, Y, Y, Y, RSVP_LINK],
  ['GET /api/conferences/{id}/board',                                                   Y, Y, Y, N, N, TOKEN],
  ['GET /api/conferences/{id}/board/events',                                            Y, Y, Y, N, N, TOKEN],
  ['GET /health',                                                                       Y, Y, Y, Y, Y, ANYONE],
  ['GET /health/live',                                                                  Y, Y, Y, Y, Y, ANYONE],
];

/**
 * The server-rendered pages, which the OpenAPI document leaves out: who may open them. Their
 * coverage is checked against the controllers marked @ApiExcludeController (or @ConsoleScreens) in src/.
 */
const PAGES: readonly (readonly [route: string, anonymous: Entry])[] = [
  ['GET /bridge-points/confirm/{token}',                   BP_LINK],
  ['POST /bridge-points/confirm/{token}/confirm',          BP_LINK],
  ['POST /bridge-points/confirm/{token}/decline',          BP_LINK],
  ['POST /bridge-points/confirm/{token}/connection-check', BP_LINK],
  ['POST /bridge-points/confirm/{token}/attendance',       BP_LINK],
  ['GET /rsvp/{token}',                                    RSVP_LINK],
  ['GET /rsvp/{token}/invite.ics',                         RSVP_LINK],
  ['POST /rsvp/{token}/accept',                            RSVP_LINK],
  ['POST /rsvp/{token}/decline',                           RSVP_LINK],
  ['POST /rsvp/{token}/substitute',                        RSVP_LINK],
  ['POST /rsvp/{token}/calendar-feed',                     RSVP_LINK],
  ['POST /rsvp/{token}/evaluation',                        RSVP_LINK],
  // The page reads nothing until its button is pressed (mail scanners fetch links); the button's post confirms.
  ['GET /registration/confirm/{token}',                    ANYONE],
  ['POST /registration/confirm/{token}',                   ANYONE],
  // The page holds no data; its script signs in to the board's API.
  ['GET /board/{conferenceId}',                            ANYONE],
  ['GET /assets/site.css',                                 ANYONE],
  ['GET /assets/board.js',                                 ANYONE],
  // The hall screen holds no data (its script signs in); the scan page's script checks in with the link the phone remembers.
  ['GET /sessions/{itemId}/screen',                        ANYONE],
  ['GET /s/{itemId}/{code}',                               ANYONE],
  ['GET /assets/screen.js',                                ANYONE],
  ['GET /assets/check-in.js',                              ANYONE],
  ['GET /verify/{code}',                                   ANYONE],
  // The organizer console: its roles and CSRF tokens are tried in test/e2e/console.e2e-spec.ts, as they need its cookies.
  ['GET /assets/console.css',                              ANYONE],
  ['GET /console/login',                                   ANYONE],
  ['POST /console/login',                                  CONSOLE_SIGN_IN],
  ['POST /console/logout',                                 CONSOLE],
  ['GET /console',                                         CONSOLE],
  ['GET /console/conferences/new',                         CONSOLE],
  ['POST /console/conferences',                            CONSOLE],
  ['GET /console/conferences/{id}',                        CONSOLE],
  ['GET /console/conferences/{id}/edit',                   CONSOLE],
  ['POST /console/conferences/{id}/edit',                  CONSOLE],
  ['POST /console/conferences/{id}/publish',               CONSOLE],
  ['POST /console/conferences/{id}/start',                 CONSOLE],
  ['POST /console/conferences/{id}/complete',              CONSOLE],
  ['POST /console/conferences/{id}/cancel',                CONSOLE],
  ['POST /console/conferences/{id}/clone',                 CONSOLE],
  ['GET /console/points',                                  CONSOLE],
  // Bridge points, delegates and invitations: roles and CSRF in test/e2e/console-{points,attendees,invitations}.e2e-spec.ts.
  ['GET /console/conferences/{id}/points',                 CONSOLE],
  ['POST /console/conferences/{id}/points/connect',        CONSOLE],
  ['POST /console/conferences/{id}/points/links',          CONSOLE],
  ['POST /console/conferences/{id}/points/contacts',       CONSOLE],
  ['GET /console/conferences/{id}/points/contacts/{key}',  CONSOLE],
  ['GET /console/conferences/{id}/attendees',              CONSOLE],
  ['GET /console/conferences/{id}/attendees/new',          CONSOLE],
  ['POST /console/conferences/{id}/attendees',             CONSOLE],
  ['GET /console/conferences/{id}/attendees/import',       CONSOLE],
  ['POST /console/conferences/{id}/attendees/import',      CONSOLE],
  ['GET /console/conferences/{id}/attendees/import-jobs/{jobId}', CONSOLE],
  ['GET /console/conferences/{id}/attendees/export.csv',   CONSOLE],
  ['GET /console/conferences/{id}/attendees/export.xlsx',  CONSOLE],
  ['GET /console/conferences/{id}/attendees/{attendeeId}/edit', CONSOLE],
  ['POST /console/conferences/{id}/attendees/{attendeeId}/edit', CONSOLE],
  ['GET /console/conferences/{id}/attendees/{attendeeId}/remove', CONSOLE],
  ['POST /console/conferences/{id}/attendees/{attendeeId}/remove', CONSOLE],
  ['GET /console/conferences/{id}/check-in',               CONSOLE],
  ['POST /console/conferences/{id}/check-in',              CONSOLE],
  ['GET /console/conferences/{id}/invitations',            CONSOLE],
  ['POST /console/conferences/{id}/invitations',           CONSOLE],
  ['GET /console/conferences/{id}/invitations/progress',   CONSOLE],
  ['POST /console/conferences/{id}/deliveries/{deliveryId}/resend', CONSOLE],
  // Agenda and speakers, minutes and action items, awards, training, materials: roles and CSRF in
  // test/e2e/console-{agenda,minutes,awards,training,materials}.e2e-spec.ts.
  ['GET /console/conferences/{id}/agenda',                  CONSOLE],
  ['POST /console/conferences/{id}/agenda',                 CONSOLE],
  ['GET /console/conferences/{id}/agenda/{itemId}/edit',    CONSOLE],
  ['POST /console/conferences/{id}/agenda/{itemId}/edit',   CONSOLE],
  ['POST /console/conferences/{id}/agenda/{itemId}/remove', CONSOLE],
  ['GET /console/speakers',                                 CONSOLE],
  ['POST /console/speakers',                                CONSOLE],
  ['GET /console/speakers/{speakerId}/edit',                CONSOLE],
  ['POST /console/speakers/{speakerId}/edit',               CONSOLE],
  ['GET /console/speakers/{speakerId}/remove',              CONSOLE],
  ['POST /console/speakers/{speakerId}/remove',             CONSOLE],
  ['GET /console/conferences/{id}/minutes',                 CONSOLE],
  ['POST /console/conferences/{id}/minutes',                CONSOLE],
  ['POST /console/conferences/{id}/minutes/draft',          CONSOLE],
  ['GET /console/conferences/{id}/minutes/approve',         CONSOLE],
  ['POST /console/conferences/{id}/minutes/approve',        CONSOLE],
  ['POST /console/conferences/{id}/minutes/refresh-action-items', CONSOLE],
  ['POST /console/conferences/{id}/minutes/reopen',         CONSOLE],
  ['GET /console/conferences/{id}/minutes.docx',            CONSOLE],
  ['GET /console/conferences/{id}/minutes.pdf',             CONSOLE],
  ['GET /console/conferences/{id}/action-items',            CONSOLE],
  ['POST /console/conferences/{id}/action-items',           CONSOLE],
  ['POST /console/conferences/{id}/action-items/{itemId}',  CONSOLE],
  ['GET /console/conferences/{id}/awards',                  CONSOLE],
  ['POST /console/conferences/{id}/awards',                 CONSOLE],
  ['GET /console/conferences/{id}/awards/{decisionId}/edit', CONSOLE],
  ['POST /console/conferences/{id}/awards/{decisionId}/edit', CONSOLE],
  ['GET /console/conferences/{id}/awards/{decisionId}/remove', CONSOLE],
  ['POST /console/conferences/{id}/awards/{decisionId}/remove', CONSOLE],
  ['POST /console/conferences/{id}/awards/{decisionId}/recipients', CONSOLE],
  ['POST /console/conferences/{id}/awards/{decisionId}/import', CONSOLE],
  ['GET /console/conferences/{id}/awards.docx',             CONSOLE],
  ['GET /console/conferences/{id}/awards.xlsx',             CONSOLE],
  ['GET /console/conferences/{id}/awards.csv',              CONSOLE],
  ['GET /console/conferences/{id}/training',                CONSOLE],
  ['POST /console/conferences/{id}/training/certificates',  CONSOLE],
  ['POST /console/conferences/{id}/training/certificates/{certId}/revoke', CONSOLE],
  ['GET /console/conferences/{id}/training/certificates.pdf', CONSOLE],
  ['GET /console/conferences/{id}/training/certificates/{certId}.pdf', CONSOLE],
  ['GET /console/conferences/{id}/training/sessions/{itemId}', CONSOLE],
  ['POST /console/conferences/{id}/training/sessions/{itemId}', CONSOLE],
  ['POST /console/conferences/{id}/training/sessions/{itemId}/roll-call', CONSOLE],
  ['GET /console/conferences/{id}/materials',               CONSOLE],
  ['POST /console/conferences/{id}/materials',              CONSOLE],
  ['POST /console/conferences/{id}/materials/{materialId}/resend', CONSOLE],
  ['GET /console/conferences/{id}/materials/{materialId}/remove', CONSOLE],
  ['POST /console/conferences/{id}/materials/{materialId}/remove', CONSOLE],
  ['GET /console/conferences/{id}/materials/{materialId}/file', CONSOLE],
];

/**
 * Where the app does not do what the table says yet: `caller operation` → what it does instead.
 * These cells are reported, not failed; a cell listed here that starts to agree fails, so that
 * its entry is removed.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

const STALE = 999_999;
const REASON = 'Trùng lịch kỳ họp Hội đồng nhân dân tỉnh';

/**
 * Valid bodies for cells whose answer comes after validation. For refusals by scope or link, each
 * changes nothing that any cell looks at even if let through (a stale version, a point that does
 * not exist, a connection check or an attendance of 0); with a live link they are carried out, last.
 */
const SAFE_BODIES: Record<string, unknown> = {
  // A point that does not exist, and a code nobody has: 400 or nothing checked in, were the conference not hidden.
  'POST /api/conferences/{id}/attendees': { bridgePointId: randomUUID(), fullName: 'Nguyễn Văn Kiểm Tra', role: 'delegate' },
  'POST /api/conferences/{id}/attendees/check-in': { codes: ['ZZZZZZ'] },
  // A code nobody has; the fixture's session (2030) has not opened, so nobody would be marked.
  'POST /api/conferences/{id}/agenda-items/{itemId}/attendance': { codes: ['ZZZZZZ'] },
  // A code nobody is shown; the fixture's session (2030) is outside its roll call anyway, so nobody would be marked.
  'POST /api/public/rsvp/{token}/sessions/{itemId}/check-in': { code: 'ZZZZZZ' },
  // No force; the fixture's conference (2030) is outside the attendance window, so nobody would be checked in.
  'POST /api/conferences/{id}/attendees/{attendeeId}/check-in': {},
  'POST /api/conferences/{id}/bridge-points/{bpId}/confirm': { version: STALE },
  'POST /api/conferences/{id}/bridge-points/{bpId}/decline': { reason: REASON, version: STALE },
  'POST /api/conferences/{id}/bridge-points/{bpId}/connection-checks': { result: 'ok' },
  'POST /api/conferences/{id}/bridge-points/{bpId}/attendance': { actualAttendees: 0 },
  'PATCH /api/conferences/{id}/attendees/{attendeeId}': { version: STALE, notes: 'kiểm tra quyền' },
  'PATCH /api/conferences/{id}/action-items/{itemId}': { version: STALE, status: 'in_progress' },
  'POST /api/public/bridge-points/{token}/confirm': { version: STALE },
  'POST /api/public/bridge-points/{token}/decline': { reason: REASON, version: STALE },
  'POST /api/public/bridge-points/{token}/connection-checks': { result: 'ok' },
  'POST /api/public/bridge-points/{token}/attendance': { actualAttendees: 0 },
  'POST /api/public/rsvp/{token}/decline': { reason: REASON },
  'POST /api/public/rsvp/{token}/substitute': { fullName: 'Nguyễn Văn Thay Thế' },
  // No answer at all; the fixture's conference has no evaluation form (and has not started), so nothing would be recorded.
  'POST /api/public/rsvp/{token}/evaluation': { answers: {} },
};

/** A body no DTO accepts: the answer is 400 once the guard has let the caller in. */
const SPOILED = { authorizationMatrixProbe: 'a field no route knows' };
/** A form post without the fields a page form needs: 400 once the link has been read. */
const EMPTY_FORM = 'authorizationMatrixProbe=1';

/** Page form posts that take no fields: with a live link they are carried out. */
const EMPTY_FORM_ACTIONS = new Set(['POST /rsvp/{token}/accept', 'POST /rsvp/{token}/calendar-feed']);

const IN_FLIGHT = 8;

type Caller = 'admin' | 'organizer' | 'viewer' | 'own operator' | 'other operator' | 'outsider operator';
const CALLERS: readonly Caller[] = ['admin', 'organizer', 'viewer', 'own operator', 'other operator', 'outsider operator'];

/** What an operation's request body is, by its OpenAPI document. */
type BodyKind = 'json' | 'other' | null;

type Expected = 'read' | 'allowed' | 'link opens' | '303' | '401' | '403' | '404' | '404 or 410';

interface Cell {
  /** `caller METHOD path`, as in KNOWN_DISAGREEMENTS and failure messages. */
  key: string;
  method: string;
  path: string;
  authorization?: string;
  json?: unknown;
  form?: string;
  expected: Expected;
  /** 1: reads and refusals by guard; 2: refusals after validation; 3: link actions really carried out. */
  phase: 1 | 2 | 3 | 4;
}

interface Answer {
  status: number | string;
  text: string;
}

function meets(expected: Expected, status: number | string): boolean {
  if (typeof status !== 'number' || status >= 500) return false;
  switch (expected) {
    case 'read':
      return status >= 200 && status < 300;
    case 'allowed':
      return status !== 401 && status !== 403;
    case 'link opens':
      return ![401, 403, 404, 410].includes(status);
    case '404 or 410':
      return status === 404 || status === 410;
    default:
      return status === Number(expected);
  }
}

function expectedOf(access: Access): Expected {
  return access === Y ? 'allowed' : access === N ? '403' : '404';
}

/** Route methods and paths of the controllers the OpenAPI document leaves out, read from their source. */
function excludedRoutes(): string[] {
  const routes: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(join(__dirname, '../../src')).filter((f) => f.endsWith('.controller.ts'))) {
    const source = readFileSync(file, 'utf8');
    // @ConsoleScreens(path, …roles) is @ApiExcludeController() with @Controller(path) and the console's guard.
    const screens = /@ConsoleScreens\('([^']*)'/.exec(source);
    if (!source.includes('@ApiExcludeController()') && !screens) continue;
    const prefix = screens?.[1] ?? /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
    for (const m of source.matchAll(/@(Get|Post|Put|Patch|Delete)\((?:'([^']*)')?\)/g)) {
      const path = ['', prefix, m[2] ?? ''].filter((part, i) => i === 0 || part !== '').join('/');
      routes.push(`${m[1].toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes;
}

async function send(baseUrl: string, cell: Cell): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (cell.authorization) headers.authorization = cell.authorization;
  let body: string | undefined;
  if (cell.json !== undefined) {
    body = JSON.stringify(cell.json);
    headers['content-type'] = 'application/json';
  } else if (cell.form !== undefined) {
    body = cell.form;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  try {
    const res = await fetch(baseUrl + cell.path, { method: cell.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    // The board's live stream never ends: its status is the answer.
    if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: (await res.text()).slice(0, 200) };
  } catch (error) {
    return { status: `no answer (${(error as Error).message})`, text: '' };
  }
}

async function runAll(baseUrl: string, cells: Cell[], inFlight: number): Promise<Map<Cell, Answer>> {
  const answers = new Map<Cell, Answer>();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < cells.length) {
        const cell = cells[next++];
        answers.set(cell, await send(baseUrl, cell));
      }
    }),
  );
  return answers;
}

/** Every cell of both tables, with the request that tries it. */
function cellsOf(f: AccessFixture, adminToken: string, operations: Map<string, BodyKind>, rows: readonly Row[]): Cell[] {
  const idFor = idResolver(f);
  const bearer = (token: string) => `Bearer ${token}`;
  const tokens: Record<Caller, string> = {
    admin: bearer(adminToken),
    organizer: bearer(f.organizerToken),
    viewer: bearer(f.viewerToken),
    'own operator': bearer(f.ownOperatorToken),
    'other operator': bearer(f.otherOperatorToken),
    'outsider operator': bearer(f.outsiderOperatorToken),
  };
  const live: Record<LinkKind, string> = { [BP_LINK]: f.bridgePointToken, [RSVP_LINK]: f.rsvpToken, [CAL_LINK]: f.calendarToken };
  const dead: Record<LinkKind, [string, string][]> = {
    [BP_LINK]: [['revoked', f.revokedBridgePointToken], ['expired', f.expiredBridgePointToken]],
    [RSVP_LINK]: [['revoked', f.revokedRsvpToken], ['expired', f.expiredRsvpToken]],
    [CAL_LINK]: [['revoked', f.revokedCalendarToken], ['expired', f.expiredCalendarToken]],
  };
  const past = Math.floor(Date.now() / 1000) - 3600;
  const refusedTokens: [string, string][] = [
    ['anonymous', ''],
    ['expired token', bearer(f.expiredToken)],
    ['token signed with another secret', bearer(signToken(`${TEST_JWT_SECRET}-not`, { sub: f.userId, role: 'admin', iat: past, exp: past + 7200 }))],
    ['garbage token', 'Bearer not.a.token'],
    ['deactivated organizer', bearer(f.deactivatedToken)],
  ];

  const cells: Cell[] = [];
  const fill = (template: string, overrides: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (_m, name: string) => overrides[name] ?? (name === 'conferenceId' ? f.conferenceId : idFor(template, name)));

  for (const [operation, admin, organizer, viewer, own, other, anonymous] of rows) {
    const [method, template] = operation.split(' ');
    const isPage = !operations.has(operation);
    const body = operations.get(operation) ?? null;
    const hasJsonBody = body === 'json';
    const mutating = method !== 'GET';
    const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    // A mutating route without a body is carried out if let through: there, allowed callers name an id that does not exist.
    const harmlessPath =
      mutating && body === null && !isPage && anonymous === TOKEN ? fill(template, { [params[params.length - 1]]: randomUUID() }) : fill(template);
    const spoiled = !mutating ? {} : isPage ? { form: EMPTY_FORM } : { json: SPOILED };
    const safe = (): { json?: unknown; form?: string } => {
      if (isPage) return mutating ? { form: EMPTY_FORM } : {};
      if (!mutating || !hasJsonBody) return {};
      if (!(operation in SAFE_BODIES)) throw new Error(`SAFE_BODIES has no body for ${operation}, whose refusals must reach the service`);
      return { json: SAFE_BODIES[operation] };
    };

    if (anonymous === TOKEN) {
      for (const [who, authorization] of refusedTokens) {
        cells.push({ key: `${who} ${operation}`, method, path: harmlessPath, authorization, ...spoiled, expected: '401', phase: 1 });
      }
      const access: Record<Caller, Access> = {
        admin,
        organizer,
        viewer,
        'own operator': own,
        'other operator': other,
        // An operator with no point in the conference does not see it (nor anything under it).
        'outsider operator': template.startsWith('/api/conferences/{id}') && own !== N ? H : other,
      };
      for (const caller of CALLERS) {
        const expected = expectedOf(access[caller]);
        const hidden = expected === '404';
        cells.push({
          key: `${caller} ${operation}`,
          method,
          path: hidden ? fill(template) : harmlessPath,
          authorization: tokens[caller],
          ...(hidden ? safe() : spoiled),
          expected,
          phase: operation === SIGN_OUT ? 4 : hidden && mutating ? 2 : 1,
        });
      }
    } else if (anonymous === CONSOLE || anonymous === CONSOLE_SIGN_IN) {
      // No caller of this matrix has a console cookie: whatever its bearer token, nothing is read or changed.
      for (const [who, authorization] of [['anonymous', ''], ['admin', tokens.admin], ['garbage token', 'Bearer not.a.token']]) {
        const expected = anonymous === CONSOLE ? '303' : '403';
        cells.push({ key: `${who} ${operation}`, method, path: fill(template), authorization, ...spoiled, expected, phase: 1 });
      }
    } else if (anonymous === ANYONE) {
      for (const [who, authorization] of [['anonymous', ''], ['admin', tokens.admin], ['garbage token', 'Bearer not.a.token']]) {
        cells.push({ key: `${who} ${operation}`, method, path: fill(template), authorization, ...spoiled, expected: 'allowed', phase: 1 });
      }
    } else {
      const kind = anonymous;
      // A live link does what it is for. A page form without its fields answers 400 once the link is read; an
      // action of the API validates its body before it reads the link, so it is carried out with a valid body, last.
      const carriedOut = mutating && (isPage ? EMPTY_FORM_ACTIONS.has(operation) : true);
      const opens = (who: string, authorization: string) =>
        cells.push({
          key: `${who} ${operation}`,
          method,
          path: fill(template, { token: live[kind] }),
          authorization,
          ...(isPage ? spoiled : safe()),
          expected: 'link opens',
          phase: carriedOut ? 3 : 1,
        });
      const refused = (who: string, token: string, authorization = '') =>
        cells.push({ key: `${who} ${operation}`, method, path: fill(template, { token }), authorization, ...safe(), expected: '404 or 410', phase: mutating ? 2 : 1 });
      opens('anonymous', '');
      opens('admin', tokens.admin);
      opens('own operator', tokens['own operator']);
      opens('garbage bearer', 'Bearer not.a.token');
      for (const otherKind of ([BP_LINK, RSVP_LINK, CAL_LINK] as const).filter((k) => k !== kind)) {
        refused(`anonymous with a live ${otherKind}`, live[otherKind]);
        refused(`admin with a live ${otherKind}`, live[otherKind], tokens.admin);
      }
      for (const [state, token] of dead[kind]) refused(`anonymous with a ${state} ${kind}`, token);
      refused('anonymous with a token that is no link', 'A'.repeat(43));
    }
  }
  // Every id and link of the fixture is real: a read that is let in answers 2xx, which also tells "allowed" from "hidden".
  return cells.map((cell) => (cell.method === 'GET' && ['allowed', 'link opens'].includes(cell.expected) ? { ...cell, expected: 'read' } : cell));
}

describe.each([
  ['SQLite', false],
  ['PostgreSQL', true],
])('authorization matrix on %s', (name, postgres) => {
  let app: RunningApp;

  beforeAll(async () => {
    // The fixture's material waits with its "new materials" mails for an hour: no mail goes out while the cells run.
    app = await RunningApp.launch({
      postgres,
      env: { JWT_SECRET: TEST_JWT_SECRET, LOGIN_RATE_LIMIT: '1000000', FILES_DIR: mkdtempSync(join(tmpdir(), 'hoi-nghi-files-')), MATERIAL_NOTICE_DELAY_SECONDS: '3600' },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('answers every cell of the table as the table says, for every operation of the OpenAPI document and every page', async () => {
    const api = await app.client();
    const fixture = await buildAccessFixture(api);
    const doc = (await api.expect(200, 'GET', '/docs-json')).body;
    const operations = new Map(
      operationsOf(doc).map((op): [string, BodyKind] => [`${op.method} ${op.path}`, !op.body ? null : op.body.contentType === 'application/json' ? 'json' : 'other']),
    );

    const rows = TABLE.map(([operation]) => operation);
    const pages = PAGES.map(([route]) => route);
    const excluded = excludedRoutes();
    const coverage = {
      'rows listed twice': [...rows, ...pages].filter((route, i, all) => all.indexOf(route) !== i),
      'operations without a row': [...operations.keys()].filter((operation) => !rows.includes(operation)),
      'rows naming no operation': rows.filter((operation) => !operations.has(operation)),
      'pages without a row': excluded.filter((route) => !pages.includes(route)),
      'page rows naming no page': pages.filter((route) => !excluded.includes(route)),
    };
    expect(coverage).toEqual(Object.fromEntries(Object.keys(coverage).map((key) => [key, []])));

    const pageRows = PAGES.map(([route, anonymous]): Row => [route, Y, Y, Y, Y, Y, anonymous]);
    const cells = cellsOf(fixture, api.token!, operations, [...TABLE, ...pageRows]);
    const started = Date.now();
    const answers = new Map<Cell, Answer>();
    // Nothing before the last phase may change anything at all: the database is the same after it.
    const before = await digestTables(app.database);
    for (const phase of [1, 2, 3, 4] as const) {
      if (phase === 3) expect(await digestTables(app.database)).toEqual(before);
      const batch = cells.filter((c) => c.phase === phase);
      for (const [cell, answer] of await runAll(app.baseUrl, batch, phase >= 3 ? 1 : IN_FLIGHT)) answers.set(cell, answer);
    }

    const byExpected = new Map<string, number>();
    const byStatus = new Map<string, number>();
    const failures: string[] = [];
    const disagreements: string[] = [];
    for (const cell of cells) {
      const { status, text } = answers.get(cell)!;
      byExpected.set(cell.expected, (byExpected.get(cell.expected) ?? 0) + 1);
      byStatus.set(String(status), (byStatus.get(String(status)) ?? 0) + 1);
      if (process.env.AUTHZ_DEBUG) console.log(cell.expected, status, cell.key, text.slice(0, 100));
      const agrees = meets(cell.expected, status);
      const known = KNOWN_DISAGREEMENTS[cell.key];
      if (known !== undefined) {
        if (agrees) failures.push(`${cell.key}: now answers ${status} as the table says; remove it from KNOWN_DISAGREEMENTS`);
        else disagreements.push(`${cell.key}: ${status} (${known})`);
      } else if (!agrees) {
        failures.push(`${cell.key}: expected ${cell.expected}, got ${status} ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    console.log(
      `authorization on ${name}: ${cells.length} cells over ${TABLE.length} operations and ${PAGES.length} pages in ${Date.now() - started} ms,` +
        ` by expected answer: ${JSON.stringify(Object.fromEntries(byExpected))}, by status: ${JSON.stringify(Object.fromEntries(byStatus))}` +
        (disagreements.length > 0 ? `\nknown disagreements with the table:\n  ${disagreements.join('\n  ')}` : ''),
    );
    expect(failures).toEqual([]);
    expect(Object.keys(KNOWN_DISAGREEMENTS).filter((key) => !cells.some((c) => c.key === key))).toEqual([]);
  });
});
