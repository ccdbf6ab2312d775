import { Injectable } from '@nestjs/common';
import { AuditLog } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { DomainError, ErrorCode } from '@callgrade/http';
import { BlobStore } from '@callgrade/storage';
import { Readable } from 'node:stream';
import { ByteRange, parseByteRange } from './byte-range';
import { RecordingQueries } from './recording-queries.service';

const CONTENT_TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', flac: 'audio/flac' };

export interface AudioStream {
  stream: Readable;
  contentType: string;
  size: number;
  range: ByteRange | null;
}

/** Opens a recording's audio for a principal allowed to hear it, and writes the access to the audit log. */
@Injectable()
export class RecordingAudio {
  constructor(
    private readonly queries: RecordingQueries,
    private readonly blobs: BlobStore,
    private readonly audit: AuditLog,
  ) {}

  async open(principal: Principal, id: string, rangeHeader: string | undefined, ip: string | null): Promise<AudioStream> {
    const recording = await this.queries.get(principal, id);
    const size = await this.blobs.size(recording.storageKey);
    const range = parseByteRange(rangeHeader, size);
    if (range === 'unsatisfiable') throw new DomainError(ErrorCode.RangeNotSatisfiable, `Range ${rangeHeader} cannot be served from ${size} bytes`, { range: 'unsatisfiable' });
    await this.audit.record(principal, {
      action: 'recording.audio.read',
      resourceType: 'recording',
      resourceId: recording.id,
      ip,
      details: range ? { range: `${range.start}-${range.end}` } : {},
    });
    return { stream: this.blobs.open(recording.storageKey, range ?? undefined), contentType: CONTENT_TYPES[recording.container] ?? 'application/octet-stream', size, range };
  }
}
