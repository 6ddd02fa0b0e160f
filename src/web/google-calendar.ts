/** "20220715T010000Z": the UTC form Google Calendar's template link takes. */
export function googleCalendarTime(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export interface GoogleCalendarEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  details?: string | null;
  location?: string | null;
}

/** An "add to Google Calendar" link: the event prefilled, times in UTC so no zone is guessed. */
export function googleCalendarUrl(event: GoogleCalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${googleCalendarTime(event.startsAt)}/${googleCalendarTime(event.endsAt)}`,
  });
  if (event.details) params.set('details', event.details);
  if (event.location) params.set('location', event.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
