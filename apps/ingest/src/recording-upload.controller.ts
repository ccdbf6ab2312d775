import { Controller, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { AllowApiKey, CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { ReceiveRecording, RecordingMetadataInput, RecordingUploadReader, UPLOADER_ROLES } from '@callgrade/recordings';
import type { Request, Response } from 'express';

export interface UploadedRecordingResponse {
  id: string;
  externalId: string;
  status: string;
  sha256: string;
  durationMs: number;
  channels: number;
  sampleRate: number;
}

@ApiTags('recordings')
@Controller('recordings')
export class RecordingUploadController {
  constructor(
    private readonly reader: RecordingUploadReader,
    private readonly receive: ReceiveRecording,
  ) {}

  @Post()
  @Roles(...UPLOADER_ROLES)
  @AllowApiKey()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'The audio in part `file` (WAV, MP3, OGG/Opus, FLAC) and the metadata fields', type: RecordingMetadataInput })
  @ApiAcceptedResponse({ description: 'New recording accepted; it will be transcribed' })
  @ApiOkResponse({ description: 'This call was already uploaded with the same audio' })
  @ApiConflictResponse({ description: 'This call id was already uploaded with different audio' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The file is not audio' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid metadata, or truncated, empty or too long audio' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than MAX_UPLOAD_BYTES' })
  async upload(@Req() req: Request, @Res({ passthrough: true }) res: Response, @CurrentPrincipal() uploader: Principal): Promise<UploadedRecordingResponse> {
    const upload = await this.reader.read(req);
    const { recording, created } = await this.receive.execute({ ...upload, uploader });
    res.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK);
    const { id, externalId, status, sha256, durationMs, channels, sampleRate } = recording;
    return { id, externalId, status, sha256, durationMs, channels, sampleRate };
  }
}
