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
      throw new DomainError(ErrorCode.UnsupportedMediaType, 'Send the recording as multipart/form-data with the audio in a part named "file"', {
        body: 'must be multipart/form-data',
      });
    }
    const declared = Number(req.header('content-length') ?? 0);
    if (declared > this.config.maxUploadBytes + MULTIPART_OVERHEAD_BYTES) {
      await this.drainRefusedBody(req);
      throw this.stager.tooLarge();
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 2, fields: 50, fieldSize: MAX_TRANSCRIPT_BYTES } });
    } catch (e) {
      // No boundary, or an unknown charset: busboy refuses before reading anything.
      await this.drainRefusedBody(req);
      throw DomainError.validation({ body: `is not valid multipart data (${(e as Error).message})` });
    }

    const fields: Record<string, string> = {};
    const problems: Record<string, string> = {};
    const openParts = new Set<Readable>();
    const sideParts: Promise<unknown>[] = [];
    let staging: Promise<{ staged: StagedBlob; audio: AudioFacts }> | undefined;
    let refuse!: (reason: unknown) => void;
    // Settles only when something goes wrong that makes reading the rest pointless (too large, interrupted).
    const refused = new Promise<never>((_, reject) => (refuse = reject));
    refused.catch(() => undefined);

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) problems[name] = 'is too long';
      else fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      // A part can fail (body cut short) before anything consumes it; its error must never reach the process.
      stream.on('error', () => undefined);
      openParts.add(stream);
      stream.once('close', () => openParts.delete(stream));
      if (name === 'transcript') {
        const reading = readSmallPart(stream, MAX_TRANSCRIPT_BYTES).then(
          (text) => (fields.transcript = text),
          () => (problems.transcript = `is larger than ${MAX_TRANSCRIPT_BYTES} bytes`),
        );
        sideParts.push(reading);
        return;
      }
      if (name !== 'file' || staging) {
        problems[name] =
          name === 'file' ? 'only one audio file may be uploaded at a time' : 'is not a file part this endpoint accepts (send the audio as "file")';
        stream.resume();
        return;
      }
      staging = this.stager.stage(stream);
      staging.catch(refuse);
    });
    parser.on('filesLimit', () => (problems.file = 'only one audio file (and one transcript) may be uploaded at a time'));

    const parsed = new Promise<void>((resolve, reject) => {
      parser.on('close', resolve);
      parser.on('error', (e: Error) => reject(DomainError.validation({ body: `is not valid multipart data (${e.message})` })));
    });
    const interrupted = () => {
      if (!req.complete)
        refuse(new DomainError(ErrorCode.ValidationFailed, 'The upload was interrupted', { body: 'the connection closed before the upload ended' }));
    };
    req.once('close', interrupted);
    req.pipe(parser);

    try {
      // Parts are only known once parsing ends, so wait for it before collecting the staged file.
      await Promise.race([parsed, refused]);
      await Promise.race([Promise.all(sideParts), refused]);
      const upload = staging && (await Promise.race([staging, refused]));
      if (!upload) problems.file = 'is required: the audio as a multipart part named "file"';
      if (Object.keys(problems).length) {
        if (upload) await this.stager.discard(upload.staged);
        throw DomainError.validation(problems, 'The upload is invalid');
      }
      return { fields, ...upload! };
    } catch (e) {
      // Stop reading: end every open part (its staging removes the partial file) and drop the rest of the body.
      req.unpipe(parser);
      for (const part of openParts) part.destroy();
      const settled = await staging?.catch(() => null);
      if (settled) await this.stager.discard(settled.staged);
      if (!req.complete && !req.destroyed) await this.drainRefusedBody(req);
      throw e;
    } finally {
      req.off('close', interrupted);
    }
  }

  /**
   * Reads and drops the rest of a refused body before answering (most HTTP clients only read the
   * answer once they have sent everything), up to a cap past which the answer is sent at once and the
   * connection closed after it.
   */
  private drainRefusedBody(req: Request): Promise<void> {
    req.unpipe();
    req.res?.setHeader('Connection', 'close');
    if (req.complete || req.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > MAX_DRAIN_BYTES) resolve();
      });
      req.on('error', () => resolve());
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
    stream.on('close', () => reject(new Error('the part ended early')));
  });
}
