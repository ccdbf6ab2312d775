import { Module } from '@nestjs/common';
import { RecordingsModule } from '@callgrade/recordings';
import { ScorecardsModule } from '@callgrade/scorecards';
import { TranscriptsModule } from '@callgrade/transcripts';
import { AutoScoreQueries } from './auto-score-queries.service';
import { RequestRescore } from './request-rescore.usecase';
import { ScoreRecording } from './score-recording.usecase';

@Module({
  imports: [RecordingsModule, TranscriptsModule, ScorecardsModule],
  providers: [ScoreRecording, AutoScoreQueries, RequestRescore],
  exports: [ScoreRecording, AutoScoreQueries, RequestRescore],
})
export class AutoScoringModule {}
