import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class CalibrationAnswersDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description:
      'Every criterion of the session scorecard, by id: {"kind": "yes"} | {"kind": "no"} | {"kind": "na"} (where the criterion allows N/A) | {"kind": "scale", "value": 0..max}. ' +
      'Auto criteria are answered too. Missing or misfitting answers come back as 422 naming `answers.<criterionId>`.',
    example: { greeting_company: { kind: 'yes' }, empathy: { kind: 'scale', value: 4 } },
  })
  @IsObject()
  answers: Record<string, unknown>;
}
