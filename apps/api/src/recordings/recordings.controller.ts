import { Controller, Get, HttpCode, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AllowApiKey, CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { CALL_READER_ROLES, UserRole } from '@callgrade/database';
import { DomainError, IdParam } from '@callgrade/http';
import { RecordingAudio, RecordingQueries } from '@callgrade/recordings';
import { RetryTranscription, TranscriptQueries } from '@callgrade/transcripts';
import type { Request, Response } from 'express';
import { ListRecordingsQuery } from './dto/list-recordings.query';
import { RecordingResponse } from './dto/recording.response';

@ApiTags('recordings')
@Controller('recordings')
export class RecordingsController {
  constructor(
    private readonly queries: RecordingQueries,
    private readonly audio: RecordingAudio,
    private readonly transcripts: TranscriptQueries,
    private readonly retryTranscription: RetryTranscription,
  ) {}

  @Get()
  @Roles(...CALL_READER_ROLES)
  @AllowApiKey()
  async list(@Query() query: ListRecordingsQuery, @CurrentPrincipal() principal: Principal) {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) throw DomainError.validation({ from: 'must not be after to' });
    const page = await this.queries.list(principal, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
    return { ...page, items: page.items.map(RecordingResponse.from) };
  }

  @Get(':id')
  @Roles(...CALL_READER_ROLES)
  @AllowApiKey()
  @ApiOkResponse({ type: RecordingResponse })
  async get(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<RecordingResponse> {
    return RecordingResponse.from(await this.queries.get(principal, id));
  }

  @Get(':id/audio')
  @Roles(...CALL_READER_ROLES)
  @AllowApiKey()
  @ApiProduces('audio/wav', 'audio/mpeg', 'audio/ogg', 'audio/flac')
  async streamAudio(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const audio = await this.audio.open(principal, id, req.header('range'), { ip: req.ip ?? null, userAgent: req.header('user-agent') ?? null });
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, no-store');
    if (audio.range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${audio.range.start}-${audio.range.end}/${audio.size}`);
    }
    const length = audio.range ? audio.range.end - audio.range.start + 1 : audio.size;
    return new StreamableFile(audio.stream, { type: audio.contentType, length });
  }

  @Get(':id/transcript')
  @Roles(...CALL_READER_ROLES)
  @AllowApiKey()
  async transcript(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    const t = await this.transcripts.forRecording(principal, id);
    return {
      recordingId: t.recordingId,
      source: t.source,
      engine: t.engine,
      language: t.language,
      segments: t.segments,
      facts: t.facts,
      redactions: t.redactions,
      updatedAt: t.updatedAt,
    };
  }

  @Post(':id/retry')
  @Roles(UserRole.Admin)
  @HttpCode(202)
  async retry(@IdParam() id: string): Promise<RecordingResponse> {
    return RecordingResponse.from(await this.retryTranscription.execute(id));
  }
}
