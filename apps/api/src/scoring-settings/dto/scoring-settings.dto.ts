import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ScoringSettingsVersionView } from '@callgrade/scorecards';
import { ScoringSettings, settingsToConfigure, SettingToConfigure } from '@callgrade/scoring';
import { IsObject } from 'class-validator';

const SETTINGS_DOC = {
  type: 'object',
  additionalProperties: true,
  description:
    'Complete settings: language ("auto" | "en" | "zh"), companyNames [{ name, spokenVariants[] }], greetingTemplates and closingTemplates ' +
    '(placeholders {company} and {agent}), offerHelpPhrases, closingOfferHelpPhrases, thanksPhrases, forbiddenPhrases, politePhrases, ' +
    'requiredDisclosures [{ id, phrases[], withinMs? }], maxSilenceMs, greetingWindowMs, offerHelpWindowMs, closingWindowMs, maxInterruptions, ' +
    'matchThreshold and forbiddenThreshold (0..1). Problems come back as 422 with paths such as `settings.companyNames[0].name`.',
} as const;

export class UpdateScoringSettingsDto {
  @ApiProperty(SETTINGS_DOC)
  @IsObject()
  settings: Record<string, unknown>;
}

export class ScoringSettingsResponse {
  @ApiProperty() versionId: string;
  @ApiProperty({ description: 'The highest version is current' }) version: number;
  @ApiProperty(SETTINGS_DOC) settings: object;
  @ApiPropertyOptional({ nullable: true }) createdBy: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({
    description: 'What a first run must still fill in ({ field, message, messageZh }); empty when nothing is missing',
    type: 'array',
    items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, messageZh: { type: 'string' } } },
  })
  toConfigure: SettingToConfigure[];

  static from(v: ScoringSettingsVersionView): ScoringSettingsResponse {
    const settings: ScoringSettings = v.settings;
    return { versionId: v.versionId, version: v.version, settings, createdBy: v.createdBy, createdAt: v.createdAt, toConfigure: settingsToConfigure(settings) };
  }
}
