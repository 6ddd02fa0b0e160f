import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SignedLinksService } from '../auth/signed-links.service';

/** Where a personal feed is served (`/api/public/calendar/<token>.ics`). */
export const FEED_PATH = 'api/public/calendar';

export interface CalendarLink {
  attendeeId: string;
  token: string;
  /** https://…/api/public/calendar/<token>.ics */
  url: string;
  /** The same address as webcal://…, which calendar apps open as a subscription. */
  webcalUrl: string;
  expiresAt: string;
}

/** Signed links (kind `calendar`) to a person's subscription feed. */
@Injectable()
export class CalendarLinksService {
  constructor(private readonly links: SignedLinksService) {}

  /** Issues a feed link for one attendee inside the caller's transaction; the token is returned once. */
  async issue(
    manager: EntityManager,
    target: { conferenceId: string; attendeeId: string },
    expiresAt: Date,
    createdBy: string | null,
    options: { replace?: boolean } = {},
  ): Promise<CalendarLink> {
    const [link] = await this.links.issue(manager, 'calendar', [target], expiresAt, createdBy, options);
    return { attendeeId: target.attendeeId, token: link.token, ...this.urls(link.token), expiresAt: expiresAt.toISOString() };
  }

  urls(token: string): { url: string; webcalUrl: string } {
    const url = `${this.links.url(FEED_PATH, token)}.ics`;
    return { url, webcalUrl: url.replace(/^https?:\/\//i, 'webcal://') };
  }
}
