import { Module } from '@nestjs/common';

/** The server-rendered pages: bridge-point confirmation, RSVP and the status board. */
@Module({})
export class WebModule {}
