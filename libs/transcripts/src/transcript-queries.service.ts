import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { TranscriptEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { assertNotPurged, RecordingQueries } from '@callgrade/recordings';
import { Repository } from 'typeorm';

@Injectable()
export class TranscriptQueries {
  constructor(
    private readonly recordings: RecordingQueries,
    @InjectRepository(TranscriptEntity) private readonly transcripts: Repository<TranscriptEntity>,
  ) {}

  /** The transcript of a recording the principal may see; not found until transcription finished. */
  async forRecording(principal: Principal, recordingId: string): Promise<TranscriptEntity> {
    const recording = await this.recordings.get(principal, recordingId);
    assertNotPurged(recording, 'transcript');
    const transcript = await this.transcripts.findOne({ where: { recordingId: recording.id } });
    if (!transcript) throw DomainError.notFound(`Transcript of recording ${recordingId} (status: ${recording.status})`);
    return transcript;
  }
}
