import { applyDecorators, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { User } from '../auth/user.entity';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { MaterialDownloadsDto, MaterialListDto, MaterialResponseDto, ResendResultDto } from './material.dto';
import { MATERIAL_AUDIENCES } from './material.entity';
import { MaterialsService } from './materials.service';

const NOT_FOUND = 'the conference does not exist or the caller may not see it (conference_not_found)';
const MATERIAL_NOT_FOUND = `${NOT_FOUND}, or the material is not one of it or not for the caller (material_not_found)`;

/** The 200 answer of a material's file; a byte range (Range: bytes=…) answers 206 with the same headers and Content-Range. */
export function ApiMaterialFile() {
  return applyDecorators(
    ApiOkResponse({
      description:
        'the file, streamed, with Content-Type, Content-Length, ETag (its SHA-256), Accept-Ranges and Content-Disposition; with Range: bytes=… ' +
        'one range of it answers 206 with Content-Range, and If-None-Match with its ETag 304',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    }),
  );
}

@ApiTags('materials')
@ApiBearerAuth()
@Controller('api/conferences/:id/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @Roles('admin', 'organizer')
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'title', 'audience'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PPTX, ZIP, PNG or JPEG (recognized from the content), at most MATERIAL_MAX_BYTES' },
        title: { type: 'string', maxLength: 300, description: 'the title (tên tài liệu)' },
        audience: { type: 'string', enum: [...MATERIAL_AUDIENCES], description: 'all, bridge_points (the points only) or attendees (the delegates only)' },
        agendaItemId: { type: 'string', format: 'uuid', description: 'the agenda item it belongs to (optional)' },
      },
    },
  })
  @ApiOperation({
    summary: 'Upload a material (tài liệu)',
    description:
      'Multipart upload of one file with its title and audience. The file is streamed to storage while it is hashed and counted (413 as ' +
      'soon as it passes MATERIAL_MAX_BYTES); its type is recognized from the content (signature, and for a ZIP its entries: DOCX, XLSX, ' +
      'PPTX or a plain ZIP), not from its name, and a name whose extension says another type is refused. Once invitations have gone ' +
      'out (published or ongoing), the points and delegates of its audience get one short mail with their link after ' +
      'MATERIAL_NOTICE_DELAY_SECONDS (materials added meanwhile join the same mail). Audited. Admins and organizers.',
  })
  @ApiCreatedResponse({ type: MaterialResponseDto, description: 'the material, with its SHA-256' })
  @ApiErrors({
    400: 'not multipart (not_multipart), no file (file_missing), a title missing or too long, a wrong audience, an unknown agenda item, an unknown field, a damaged ZIP (unreadable_zip)',
    403: 'the caller is not an admin or organizer',
    404: NOT_FOUND,
    409: 'the conference was cancelled (conference_cancelled)',
    413: 'the file is larger than MATERIAL_MAX_BYTES (file_too_large)',
    415: 'the content is none of the accepted types (unsupported_file_type), or the name says another type (file_type_mismatch)',
  })
  upload(@Param('id', ParseUuidPipe) id: string, @Req() request: FastifyRequest, @CurrentUser() user: User): Promise<MaterialResponseDto> {
    return this.materials.upload(id, request, user);
  }

  @Get()
  @ApiOperation({
    summary: "List a conference's materials",
    description: 'Every material of the conference, oldest first. Every signed-in role; operators see those meant for the bridge points (audience all or bridge_points).',
  })
  @ApiOkResponse({ type: MaterialListDto, description: 'the materials' })
  @ApiErrors({ 404: NOT_FOUND })
  list(@Param('id', ParseUuidPipe) id: string, @CurrentUser() user: User): Promise<MaterialListDto> {
    return this.materials.list(id, user);
  }

  @Get(':materialId/file')
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({
    summary: "Download a material's file",
    description:
      'The file, streamed, with its Vietnamese name in Content-Disposition; one byte range with Range (206, 416 outside the file). ' +
      'Every signed-in role that sees the material (operators: those for the points). Not counted as a point\'s download: those are the links\'.',
  })
  @ApiMaterialFile()
  @ApiErrors({ 404: MATERIAL_NOT_FOUND, 416: 'the range lies outside the file (range_not_satisfiable)' })
  file(
    @Param('id', ParseUuidPipe) id: string,
    @Param('materialId', ParseUuidPipe) materialId: string,
    @CurrentUser() user: User,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.materials.download(id, materialId, user, request, reply);
  }

  @Roles('admin', 'organizer')
  @Delete(':materialId')
  @HttpCode(204)
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({ summary: 'Delete a material', description: 'Removes the material, its download log and its file. Audited. Admins and organizers; also for a cancelled conference.' })
  @ApiResponse({ status: 204, description: 'removed' })
  @ApiErrors({ 403: 'the caller is not an admin or organizer', 404: MATERIAL_NOT_FOUND })
  remove(@Param('id', ParseUuidPipe) id: string, @Param('materialId', ParseUuidPipe) materialId: string, @CurrentUser() user: User): Promise<void> {
    return this.materials.remove(id, materialId, user);
  }

  @Roles('admin', 'organizer', 'viewer')
  @Get(':materialId/downloads')
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({
    summary: 'Which bridge points downloaded a material',
    description:
      'For a material whose audience includes the bridge points: the points that downloaded it through their link (first time and how many ' +
      'times) and those that have not (points that declined are left out). Admins, organizers and viewers.',
  })
  @ApiOkResponse({ type: MaterialDownloadsDto, description: 'downloaded and not downloaded, by name' })
  @ApiErrors({ 403: 'the caller is an operator', 404: MATERIAL_NOT_FOUND, 409: 'the material is for the delegates only (audience_without_points)' })
  downloads(@Param('id', ParseUuidPipe) id: string, @Param('materialId', ParseUuidPipe) materialId: string): Promise<MaterialDownloadsDto> {
    return this.materials.downloads(id, materialId);
  }

  @Roles('admin', 'organizer')
  @Post(':materialId/resend')
  @HttpCode(202)
  @ApiParam({ name: 'materialId', description: 'UUID of the material' })
  @ApiOperation({
    summary: 'Mail a material again to the points that have not downloaded it',
    description:
      'Queues, through the outbox, a mail with its link to the contact of every bridge point that has not downloaded the material ' +
      '(points that declined or have no contact email are skipped; a point whose such mail is still waiting is not mailed twice). Admins and organizers.',
  })
  @ApiResponse({ status: 202, type: ResendResultDto, description: 'how many mails were queued, and why the others were not' })
  @ApiErrors({
    403: 'the caller is not an admin or organizer',
    404: MATERIAL_NOT_FOUND,
    409: 'the material is for the delegates only (audience_without_points), or the conference was cancelled (conference_cancelled)',
  })
  resend(@Param('id', ParseUuidPipe) id: string, @Param('materialId', ParseUuidPipe) materialId: string): Promise<ResendResultDto> {
    return this.materials.resend(id, materialId);
  }
}
