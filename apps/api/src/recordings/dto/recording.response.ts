import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CallDirection, ChannelLayout, RecordingEntity, RecordingStatus } from '@callgrade/database';

export class RecordingResponse {
  @ApiProperty() id: string;
  @ApiProperty() externalId: string;
  @ApiProperty() agentId: string;
  @ApiPropertyOptional() agentName?: string;
  @ApiPropertyOptional({ nullable: true }) teamId: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ enum: CallDirection }) direction: CallDirection;
  @ApiProperty({ enum: ChannelLayout }) channelLayout: ChannelLayout;
  @ApiPropertyOptional({ nullable: true }) queue: string | null;
  @ApiPropertyOptional({ nullable: true }) customerNumber: string | null;
  @ApiProperty() tags: Record<string, string>;
  @ApiProperty({ enum: RecordingStatus }) status: RecordingStatus;
  @ApiPropertyOptional({ nullable: true }) failureReason: string | null;
  @ApiProperty() sha256: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() container: string;
  @ApiProperty() codec: string;
  @ApiProperty() durationMs: number;
  @ApiProperty() channels: number;
  @ApiProperty() sampleRate: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() legalHold: boolean;
  @ApiPropertyOptional({ nullable: true }) legalHoldReason: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When retention or an erasure deleted the audio (then GET …/audio answers 410)' })
  audioPurgedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) transcriptPurgedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) scoresPurgedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, description: 'The customer asked for erasure: this row is a tombstone' }) erasedAt: Date | null;

  static from(r: RecordingEntity): RecordingResponse {
    return {
      id: r.id,
      externalId: r.externalId,
      agentId: r.agentId,
      agentName: r.agent?.displayName,
      teamId: r.teamId,
      startedAt: r.startedAt,
      direction: r.direction,
      channelLayout: r.channelLayout,
      queue: r.queue,
      customerNumber: r.customerNumber,
      tags: r.tags,
      status: r.status,
      failureReason: r.failureReason,
      sha256: r.sha256,
      sizeBytes: r.sizeBytes,
      container: r.container,
      codec: r.codec,
      durationMs: r.durationMs,
      channels: r.channels,
      sampleRate: r.sampleRate,
      createdAt: r.createdAt,
      legalHold: r.legalHold,
      legalHoldReason: r.legalHoldReason,
      audioPurgedAt: r.audioPurgedAt,
      transcriptPurgedAt: r.transcriptPurgedAt,
      scoresPurgedAt: r.scoresPurgedAt,
      erasedAt: r.erasedAt,
    };
  }
}
