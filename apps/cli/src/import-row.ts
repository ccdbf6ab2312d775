import { Injectable } from '@nestjs/common';
import { UserPrincipal } from '@callgrade/auth';
import { DomainError, ErrorCode } from '@callgrade/http';
import { AudioStager, ReceiveRecording } from '@callgrade/recordings';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ImportRow } from './import-csv';

export interface RowRefusal {
  /** The DomainError code, as an upload would answer it. */
  code: string;
  message: string;
  errors?: Record<string, string>;
}

export type RowOutcome =
  | { kind: 'imported'; recordingId: string }
  /** The same call with the same audio was already there. */
  | { kind: 'duplicate'; recordingId: string }
  | { kind: 'refused'; refusal: RowRefusal };

const refused = (code: string, message: string, errors?: Record<string, string>): RowOutcome => ({ kind: 'refused', refusal: { code, message, errors } });

/**
 * Imports one CSV row through the path uploads take: the file is staged and probed by AudioStager,
 * then ReceiveRecording checks the metadata, dedupes and stores. Refusals are outcomes; anything
 * else (the database going away, a full disk) is thrown.
 */
@Injectable()
export class RowImporter {
  constructor(
    private readonly stager: AudioStager,
    private readonly receive: ReceiveRecording,
  ) {}

  async import(row: ImportRow, dir: string, uploader: UserPrincipal): Promise<RowOutcome> {
    if (row.problem) return refused(ErrorCode.ValidationFailed, row.problem);
    if (!row.file) return refused(ErrorCode.ValidationFailed, 'no file given', { file: 'is empty' });
    const path = resolve(dir, row.file);
    const notReadable = await this.checkFile(path);
    if (notReadable) return notReadable;

    const source = createReadStream(path);
    let readError: unknown;
    source.on('error', (e) => (readError = e));
    try {
      const { staged, audio } = await this.stager.stage(source);
      const { recording, created } = await this.receive.execute({ fields: row.fields, staged, audio, uploader });
      return { kind: created ? 'imported' : 'duplicate', recordingId: recording.id };
    } catch (e) {
      if (e instanceof DomainError) return refused(e.code, e.message, e.errors);
      if (e !== undefined && e === readError) return this.unreadable(path, e);
      throw e;
    } finally {
      source.destroy();
    }
  }

  private async checkFile(path: string): Promise<RowOutcome | null> {
    try {
      const found = await stat(path);
      return found.isFile() ? null : refused(ErrorCode.ValidationFailed, 'not a file', { file: `${path} is not a regular file` });
    } catch (e) {
      return this.unreadable(path, e);
    }
  }

  private unreadable(path: string, e: unknown): RowOutcome {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return refused(ErrorCode.NotFound, 'file not found', { file: `nothing at ${path}` });
    if (code) return refused(ErrorCode.ValidationFailed, 'file cannot be read', { file: `${path}: ${(e as Error).message}` });
    throw e;
  }
}
