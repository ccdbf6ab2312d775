import { Page } from '@callgrade/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AssignmentStatus } from '@callgrade/database';
import { ReviewAssignmentPage, ReviewAssignmentView } from '@callgrade/review-sampling';

export class AssignedCallResponse {
  @ApiPropertyOptional({ nullable: true }) startedAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) durationSec: number | null;
  @ApiPropertyOptional({ nullable: true, description: "The phone system's call id" }) externalId: string | null;
}

export class ReviewAssignmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() recordingId: string;
  @ApiProperty() agentId: string;
  @ApiPropertyOptional({ nullable: true }) agentName: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Null when no reviewer of the plan could take it' }) reviewerId: string | null;
  @ApiPropertyOptional({ nullable: true }) reviewerName: string | null;
  @ApiPropertyOptional({ nullable: true }) planId: string | null;
  @ApiPropertyOptional({ nullable: true }) planName: string | null;
  @ApiPropertyOptional({ nullable: true }) runId: string | null;
  @ApiProperty({ enum: AssignmentStatus }) status: AssignmentStatus;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The sampler's reason: { kind: 'random', stratum, strata, stratumStart, stratumEnd, filledForStratum? } or { kind: 'rule', ruleId, ruleKind, detail }",
  })
  reason: object;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Other rules the call also matched' })
  alsoMatched: object[];
  @ApiProperty({ example: 'Random pick: stratum 3 of 8 (8–12 Jan)' }) reasonText: string;
  @ApiProperty({ type: AssignedCallResponse }) call: AssignedCallResponse;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(a: ReviewAssignmentView): ReviewAssignmentResponse {
    return { ...a };
  }
}

export class ReviewAssignmentPageResponse implements Page<ReviewAssignmentResponse> {
  @ApiProperty({ type: [ReviewAssignmentResponse] }) items: ReviewAssignmentResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;

  static from(p: ReviewAssignmentPage): ReviewAssignmentPageResponse {
    return { items: p.items.map(ReviewAssignmentResponse.from), total: p.total, page: p.page, pageSize: p.pageSize };
  }
}
