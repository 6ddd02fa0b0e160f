import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { PublicMaterialListDto } from './material.dto';
import { MaterialLinksService } from './material-links.service';
import { ApiMaterialFile } from './materials.controller';

const LINK_404 = 'the token is not a live link of this kind (unknown)';
const LINK_410 = 'the link was revoked (revoked) or has expired (expired)';
const FILE_404 = `${LINK_404}, or the material is not one this link may see (material_not_found)`;
const FILE_416 = 'the range lies outside the file (range_not_satisfiable)';
const FILE_DESCRIPTION =
  'The file, streamed, with its Vietnamese name in Content-Disposition and its SHA-256 as ETag; one byte range with Range (206; 416 ' +
  'outside the file). The download is recorded (the whole file, or a range from its first byte).';

/** A bridge point's materials through its signed link. */
@ApiTags('public')
@Public()
@Controller('api/public/bridge-points/:token/materials')
export class PublicBridgePointMaterialsController {
  constructor(private readonly materials: MaterialLinksService) {}

  @Get()
  @ApiOperation({ summary: "List the materials through a bridge point's link", description: 'The materials meant for the bridge points (audience all or bridge_points), oldest first, each with its download path.' })
  @ApiOkResponse({ type: PublicMaterialListDto, description: 'the materials' })
  @ApiErrors({ 404: LINK_404, 410: LINK_410 })
  list(@Param('token') token: string): Promise<PublicMaterialListDto> {
    return this.materials.list('bridge_point', token);
  }

  @Get(':materialId/file')
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({ summary: "Download a material through a bridge point's link", description: `${FILE_DESCRIPTION} Counted as the point's download.` })
  @ApiMaterialFile()
  @ApiErrors({ 404: FILE_404, 410: LINK_410, 416: FILE_416 })
  file(@Param('token') token: string, @Param('materialId', ParseUuidPipe) materialId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.materials.download('bridge_point', token, materialId, request, reply);
  }
}

/** A delegate's materials through their RSVP link. */
@ApiTags('public')
@Public()
@Controller('api/public/rsvp/:token/materials')
export class PublicRsvpMaterialsController {
  constructor(private readonly materials: MaterialLinksService) {}

  @Get()
  @ApiOperation({ summary: "List the materials through a delegate's RSVP link", description: 'The materials meant for the delegates (audience all or attendees), oldest first, each with its download path.' })
  @ApiOkResponse({ type: PublicMaterialListDto, description: 'the materials' })
  @ApiErrors({ 404: LINK_404, 410: LINK_410 })
  list(@Param('token') token: string): Promise<PublicMaterialListDto> {
    return this.materials.list('attendee', token);
  }

  @Get(':materialId/file')
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({ summary: "Download a material through a delegate's RSVP link", description: `${FILE_DESCRIPTION} Counted as the delegate's download.` })
  @ApiMaterialFile()
  @ApiErrors({ 404: FILE_404, 410: LINK_410, 416: FILE_416 })
  file(@Param('token') token: string, @Param('materialId', ParseUuidPipe) materialId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.materials.download('attendee', token, materialId, request, reply);
  }
}
