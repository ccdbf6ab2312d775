import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal } from '@callgrade/auth';
import { AutoScoreEntity } from '@callgrade/database';
import { DomainError } from '@callgrade/http';
import { assertNotPurged, RecordingQueries } from '@callgrade/recordings';
import { Repository } from 'typeorm';

@Injectable()
export class AutoScoreQueries {
  constructor(
    private readonly recordings: RecordingQueries,
    @InjectRepository(AutoScoreEntity) private readonly scores: Repository<AutoScoreEntity>,
  ) {}

  /** The newest auto-score of a recording the principal may see. */
  async latest(principal: Principal, recordingId: string): Promise<AutoScoreEntity> {
    const recording = await this.recordings.get(principal, recordingId);
    assertNotPurged(recording, 'scores');
    const score = await this.scores.findOne({ where: { recordingId: recording.id }, order: { createdAt: 'DESC', id: 'DESC' } });
    if (!score) throw DomainError.notFound(`Auto-score of recording ${recordingId} (status: ${recording.status})`);
    return score;
  }

  /** Every auto-score of the recording, newest first: re-scores never erase earlier results. */
  async history(principal: Principal, recordingId: string): Promise<AutoScoreEntity[]> {
    const recording = await this.recordings.get(principal, recordingId);
    assertNotPurged(recording, 'scores');
    return this.scores.find({ where: { recordingId: recording.id }, order: { createdAt: 'DESC', id: 'DESC' } });
  }
}
