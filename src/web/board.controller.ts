import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { CurrentSession, Session, Sessions } from '../auth/session';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { BoardFeed } from './board-feed';
import { BoardSnapshotResponseDto } from './board.dto';
import { BoardService } from './board.service';
import { BoardStreams } from './board-streams';
import { SessionBoundListener } from './session-bound-listener';
import { SseConnection } from './sse-connection';

/** Who sees the status board. */
const BOARD_ROLES = ['admin', 'organizer', 'viewer'] as const satisfies readonly Role[];

/** The status board's data: the whole board, and its live stream of changes. Operators are not let in (403). */
@ApiTags('status board')
@ApiBearerAuth()
@Roles(...BOARD_ROLES)
@Controller('api/conferences/:id/board')
export class BoardController {
  constructor(
    private readonly board: BoardService,
    private readonly feed: BoardFeed,
    private readonly streams: BoardStreams,
    private readonly sessions: Sessions,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Read the status board (bảng theo dõi)',
    description:
      'The whole status board of a conference as its page first draws it: the conference, the counts of confirmations, ' +
      'connections and attendance, and a tile per bridge point (điểm cầu) grouped by region, commune points by province. ' +
      'Admins, organizers and viewers; operators are not let in.',
  })
  @ApiOkResponse({ type: BoardSnapshotResponseDto, description: 'the board' })
  @ApiErrors({ 403: 'the caller is an operator', 404: 'the conference does not exist (conference_not_found)' })
  snapshot(@Param('id', ParseUuidPipe) id: string): Promise<BoardSnapshotResponseDto> {
    return this.board.snapshot(id);
  }

  /** `text/event-stream`: a `snapshot` event first, then `delta` events (changed tiles and counts), `: ping` comments between. */
  @Get('events')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: "Follow the status board's changes (server-sent events)",
    description:
      'A text/event-stream that stays open: a `snapshot` event with the whole board first, then a `delta` event with the ' +
      'changed tiles and counts whenever a point changes, and `: ping` comments between (every BOARD_HEARTBEAT_SECONDS). At every ping ' +
      'the session is checked again, and the stream ends when the token expires, the user signs out, changes password, is ' +
      'deactivated or loses the role. At most BOARD_STREAMS_PER_USER streams per user. Admins, organizers and viewers.',
  })
  @ApiErrors({
    403: 'the caller is an operator',
    404: 'the conference does not exist (conference_not_found)',
    429: 'the caller holds BOARD_STREAMS_PER_USER streams already (too_many_streams), or the instance BOARD_STREAMS_MAX (streams_full)',
    503: 'the server is shutting down (shutting_down); connect again shortly',
  })
  @ApiOkResponse({ description: 'a stream that stays open: a `snapshot` event, then `delta` events, JSON in `data:`', schema: { type: 'string' } })
  async events(@Param('id', ParseUuidPipe) id: string, @CurrentSession() session: Session, @Res() reply: FastifyReply): Promise<void> {
    const release = this.streams.open(session.userId);
    const connection = new SseConnection(reply);
    // At every heartbeat the session is checked again: a stream ends with its token, a sign-out,
    // a new password, a deactivation or a role that no longer sees the board.
    const listener = new SessionBoundListener(connection, () => this.sessions.stillValid(session, BOARD_ROLES));
    let unsubscribe: () => void;
    try {
      unsubscribe = await this.feed.subscribe(id, listener);
    } catch (error) {
      release();
      throw error;
    }
    connection.onGone(() => {
      unsubscribe();
      release();
    });
  }
}
