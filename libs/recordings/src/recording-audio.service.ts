import { Injectable } from '@nestjs/common';
import { AuditLog, RequestOrigin } from '@callgrade/audit';
import { Principal } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { DomainError, ErrorCode } from '@callgrade/http';
import { BlobStore } from '@callgrade/storage';
import { Readable } from 'node:stream';
import { ByteRange, parseByteRange } from './byte-range';
import { assertNotPurged } from './purged-data';
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

  async open(principal: Principal, id: string, rangeHeader: string | undefined, origin: RequestOrigin): Promise<AudioStream> {
    const recording = await this.queries.get(principal, id);
    assertNotPurged(recording, 'audio');
    // Everyone but admins hears the copy with card numbers and security codes muted.
    const original = principal.kind === 'user' && principal.role === UserRole.Admin;
    const key = !original && recording.redactedStorageKey ? recording.redactedStorageKey : recording.storageKey;
    const size = await this.blobs.size(key);
    const range = parseByteRange(rangeHeader, size);
    if (range === 'unsatisfiable')
      throw new DomainError(ErrorCode.RangeNotSatisfiable, `Range ${rangeHeader} cannot be served from ${size} bytes`, { range: 'unsatisfiable' });
    await this.audit.record(principal, {
      action: 'recording.audio.read',
      resourceType: 'recording',
      resourceId: recording.id,
      ip: origin.ip,
      userAgent: origin.userAgent,
      details: { ...(range && { range: `${range.start}-${range.end}` }), ...(key !== recording.storageKey && { copy: 'redacted' }) },
    });
    const contentType = key === recording.storageKey ? (CONTENT_TYPES[recording.container] ?? 'application/octet-stream') : 'audio/wav';
    return { stream: this.blobs.open(key, range ?? undefined), contentType, size, range };
  }
}
