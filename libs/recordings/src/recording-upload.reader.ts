import { Injectable } from '@nestjs/common';
import { AudioFacts, AudioProbeError, StreamingAudioProbe } from '@callgrade/audio';
import { AppConfig } from '@callgrade/config';
import { DomainError, ErrorCode } from '@callgrade/http';
import { BlobStore, BlobTooLargeError, StagedBlob } from '@callgrade/storage';
import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';

export interface ReadUpload {
  fields: Record<string, string>;
  staged: StagedBlob;
  audio: AudioFacts;
}

// Room for the metadata fields and multipart framing around the audio.
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

/** Turns a probe failure into the HTTP error the client sees. */
export function audioProblem(error: unknown): DomainError {
  if (!(error instanceof AudioProbeError)) throw error;
  const code = error.code === 'not_audio' || error.code === 'unsupported' ? ErrorCode.UnsupportedMediaType : ErrorCode.UnprocessableAudio;
  return new DomainError(code, `The file is not usable audio: ${error.message}`, { file: error.code.replace('_', ' ') });
}

/** Stages an audio stream while probing it, in one pass. Used by uploads and by the bulk import. */
@Injectable()
export class AudioStager {
  constructor(
    private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  async stage(source: Readable): Promise<{ staged: StagedBlob; audio: AudioFacts }> {
    const probe = new StreamingAudioProbe();
    let staged: StagedBlob;
    try {
      staged = await this.blobs.stage(source, { maxBytes: this.config.maxUploadBytes, onChunk: (chunk) => probe.push(chunk) });
    } catch (e) {
      if (e instanceof BlobTooLargeError) throw this.tooLarge();
      throw e;
    }
    try {
      return { staged, audio: probe.finish() };
    } catch (e) {
      await this.blobs.discard(staged);
      throw audioProblem(e);
    }
  }

  discard(staged: StagedBlob): Promise<void> {
    return this.blobs.discard(staged);
  }

  tooLarge(): DomainError {
    return new DomainError(ErrorCode.PayloadTooLarge, `The file is larger than the limit of ${this.config.maxUploadBytes} bytes`, { file: 'too large' });
  }
}

/**
 * Reads a multipart upload: text fields, and one audio part `file` streamed to staging (never
 * buffered whole). Whatever goes wrong, nothing staged is left behind.
 */
@Injectable()
export class RecordingUploadReader {
  constructor(
    private readonly stager: AudioStager,
    private readonly config: AppConfig,
  ) {}

  async read(req: Request): Promise<ReadUpload> {
    if (!req.is('multipart/form-data')) {
      throw new DomainError(ErrorCode.UnsupportedMediaType, 'Send the recording as multipart/form-data with the audio in a part named "file"', { body: 'must be multipart/form-data' });
    }
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > this.config.maxUploadBytes + MULTIPART_OVERHEAD_BYTES) {
      await this.drainRefusedBody(req);
      throw this.stager.tooLarge();
    }

    const fields: Record<string, string> = {};
    const problems: Record<string, string> = {};
    const stagings: Promise<{ staged: StagedBlob; audio: AudioFacts }>[] = [];
    const sideParts: Promise<unknown>[] = [];
    const parser = busboy({ headers: req.headers, limits: { files: 2, fields: 50, fieldSize: MAX_TRANSCRIPT_BYTES } });

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) problems[name] = 'is too long';
      else fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name === 'transcript') {
        const reading = readSmallPart(stream, MAX_TRANSCRIPT_BYTES).then(
          (text) => (fields.transcript = text),
          () => (problems.transcript = `is larger than ${MAX_TRANSCRIPT_BYTES} bytes`),
        );
        sideParts.push(reading);
        return;
      }
      if (name !== 'file') {
        problems[name] = 'is not a file part this endpoint accepts (send the audio as "file")';
        stream.resume();
        return;
      }
      const staging = this.stager.stage(stream);
      staging.catch(() => stream.resume());
      stagings.push(staging);
    });
    parser.on('filesLimit', () => (problems.file = 'only one audio file (and one transcript) may be uploaded at a time'));

    const parsed = new Promise<void>((resolve, reject) => {
      parser.on('close', resolve);
      parser.on('error', (e: Error) => reject(DomainError.validation({ body: `is not valid multipart data (${e.message})` })));
      req.on('aborted', () => reject(new DomainError(ErrorCode.ValidationFailed, 'The upload was interrupted')));
    });
    req.pipe(parser);

    // Parts are only known once parsing ends, so wait for it before collecting the staged files.
    const parsing = await Promise.allSettled([parsed]);
    await Promise.allSettled(sideParts);
    const results = [...parsing, ...(await Promise.allSettled(stagings))];
    const stagedOk = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const discardAll = () => Promise.all(stagedOk.map((s) => this.stager.discard(s.staged)));

    if (failure) {
      await discardAll();
      throw failure.reason;
    }
    if (stagings.length === 0) problems.file = 'is required: the audio as a multipart part named "file"';
    if (Object.keys(problems).length) {
      await discardAll();
      throw DomainError.validation(problems, 'The upload is invalid');
    }
    return { fields, ...stagedOk[0] };
  }

  /**
   * Reads and drops the rest of a refused body before answering (most HTTP clients only read the
   * answer once they have sent everything), up to a cap past which the connection is cut.
   */
  private drainRefusedBody(req: Request): Promise<void> {
    req.unpipe();
    req.res?.setHeader('Connection', 'close');
    return new Promise((resolve) => {
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > MAX_DRAIN_BYTES) {
          req.socket.destroy();
          resolve();
        }
      });
      req.on('end', resolve);
      req.on('close', resolve);
      req.resume();
    });
  }
}

/** Reads a small part (a supplied transcript) into a string, refusing it past a size. */
function readSmallPart(stream: Readable, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () => (size > maxBytes ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    stream.on('error', reject);
  });
}
