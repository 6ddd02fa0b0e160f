import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { BoardFeed } from './board-feed';
import { BoardSnapshotResponseDto } from './board.dto';
import { BoardService } from './board.service';
import { SseConnection } from './sse-connection';

/** The status board's data: the whole board, and its live stream of changes. Operators are not let in (403). */
@ApiTags('status board')
@ApiBearerAuth()
@Roles('admin', 'organizer', 'viewer')
@Controller('api/conferences/:id/board')
export class BoardController {
  constructor(
    private readonly board: BoardService,
    private readonly feed: BoardFeed,
  ) {}

  @Get()
  @ApiOkResponse({ type: BoardSnapshotResponseDto })
  snapshot(@Param('id', ParseUuidPipe) id: string): Promise<BoardSnapshotResponseDto> {
    return this.board.snapshot(id);
  }

  /** `text/event-stream`: a `snapshot` event first, then `delta` events (changed tiles and counts), `: ping` comments between. */
  @Get('events')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'a stream that stays open: a `snapshot` event, then `delta` events, JSON in `data:`', schema: { type: 'string' } })
  async events(@Param('id', ParseUuidPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const connection = new SseConnection(reply);
    const unsubscribe = await this.feed.subscribe(id, connection);
    connection.onGone(unsubscribe);
  }
}
