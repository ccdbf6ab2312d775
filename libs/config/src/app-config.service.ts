import { Injectable, Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { Environment } from './environment';
import { readOrCreateInstallationSecret } from './installation-secret';

/** Typed, validated configuration. The only place that reads the environment. */
@Injectable()
export class AppConfig {
  private readonly logger = new Logger(AppConfig.name);
  private generatedJwtSecret?: string;

  constructor(private readonly env: Environment) {}

  private get<K extends keyof Environment>(key: K): Environment[K] {
    return this.env[key];
  }

  get nodeEnv() {
    return this.get('NODE_ENV');
  }
  get isTest() {
    return this.nodeEnv === 'test';
  }
  get port() {
    return this.get('PORT');
  }
  get host() {
    return this.get('HOST');
  }
  /** Browser origins allowed to call the API (comma-separated CORS_ORIGINS). */
  get corsOrigins(): string[] {
    return this.get('CORS_ORIGINS')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }
  /** The OpenAPI UI and document: on unless turned off, and off in production unless turned on. */
  get apiDocsEnabled(): boolean {
    return this.get('API_DOCS_ENABLED') ?? this.nodeEnv !== 'production';
  }
  get httpSecurity() {
    return { corsOrigins: this.corsOrigins, apiDocs: this.apiDocsEnabled };
  }
  get databaseUrl() {
    return this.get('DATABASE_URL');
  }
  get embeddedPostgresDir() {
    return resolve(this.get('EMBEDDED_POSTGRES_DIR'));
  }
  get embeddedPostgresPort() {
    return this.get('EMBEDDED_POSTGRES_PORT');
  }
  get redisUrl() {
    return this.get('REDIS_URL');
  }
  get jwtExpiresIn() {
    return this.get('JWT_EXPIRES_IN');
  }
  /** scrypt parameters for new password hashes; older hashes are rehashed at their next login. */
  get passwordHashParams() {
    return { N: 16384, r: 8, p: this.get('PASSWORD_HASH_PARALLELISM') };
  }
  /** Login attempts allowed per account and per client address in a window, and how long a lockout lasts. */
  get loginThrottle() {
    return {
      perAccount: this.get('LOGIN_ATTEMPTS_PER_ACCOUNT'),
      perAddress: this.get('LOGIN_ATTEMPTS_PER_ADDRESS'),
      windowMs: this.get('LOGIN_WINDOW_SECONDS') * 1000,
      lockoutMs: this.get('LOGIN_LOCKOUT_SECONDS') * 1000,
    };
  }
  get storageDir() {
    return resolve(this.get('STORAGE_DIR'));
  }
  /** The bucket to keep recordings in, when STORAGE_DRIVER=s3; null for local disk. */
  get s3() {
    if (this.get('STORAGE_DRIVER') !== 's3') return null;
    const endpoint = this.get('S3_ENDPOINT');
    const accessKeyId = this.get('S3_ACCESS_KEY_ID');
    const secretAccessKey = this.get('S3_SECRET_ACCESS_KEY');
    return {
      bucket: this.get('S3_BUCKET') as string,
      region: this.get('S3_REGION'),
      endpoint,
      // S3-compatible servers mostly want path-style URLs; AWS prefers virtual hosts.
      forcePathStyle: this.get('S3_FORCE_PATH_STYLE') ?? !!endpoint,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    };
  }
  get maxUploadBytes() {
    return this.get('MAX_UPLOAD_BYTES');
  }
  get maxRecordingSeconds() {
    return this.get('MAX_RECORDING_SECONDS');
  }
  get outboxRelayEnabled() {
    return this.get('OUTBOX_RELAY_ENABLED');
  }
  get outboxPollMs() {
    return this.get('OUTBOX_POLL_MS');
  }
  get logLevel() {
    return this.get('LOG_LEVEL');
  }
  get logFormat(): 'json' | 'text' {
    return this.get('LOG_FORMAT') ?? (this.nodeEnv === 'development' ? 'text' : 'json');
  }
  get metricsToken() {
    return this.get('METRICS_TOKEN');
  }
  get transcriptionWorkerEnabled() {
    return this.get('TRANSCRIPTION_WORKER_ENABLED');
  }
  get transcriptionConcurrency() {
    return this.get('TRANSCRIPTION_CONCURRENCY');
  }
  get transcriptionAttempts() {
    return this.get('TRANSCRIPTION_ATTEMPTS');
  }
  get transcriptionTimeoutMs() {
    return this.get('TRANSCRIPTION_TIMEOUT_SECONDS') * 1000;
  }
  get workerLockMs() {
    return this.get('WORKER_LOCK_MS');
  }
  /** How often the worker looks for recordings whose job was lost from Redis (0: never), and how long a recording must sit untouched first. */
  get lostJobCheck() {
    return { everyMs: this.get('LOST_JOB_CHECK_SECONDS') * 1000, graceMs: this.get('LOST_JOB_GRACE_SECONDS') * 1000 };
  }
  get keepUnredactedAudio() {
    return this.get('KEEP_UNREDACTED_AUDIO');
  }
  get scoringWorkerEnabled() {
    return this.get('SCORING_WORKER_ENABLED');
  }
  get samplingSchedulerEnabled() {
    return this.get('SAMPLING_SCHEDULER_ENABLED');
  }
  get complaintTimersEnabled() {
    return this.get('COMPLAINT_TIMERS_ENABLED');
  }
  get complaintSweepMs() {
    return this.get('COMPLAINT_SWEEP_SECONDS') * 1000;
  }
  get retentionPurgeEnabled() {
    return this.get('RETENTION_PURGE_ENABLED');
  }
  /** Company names (comma-separated) the recogniser should know, until scoring settings hold them. */
  get companyNames(): string[] {
    return this.get('COMPANY_NAMES')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
  }

  get transcriber() {
    return {
      engine: this.get('TRANSCRIBER'),
      whisperModel: this.get('WHISPER_MODEL'),
      whisperBinary: this.get('WHISPER_BINARY'),
      threads: this.get('TRANSCRIBE_THREADS'),
      cacheDir: resolve(this.get('STORAGE_DIR'), '..', 'cache', 'pocketsphinx'),
    };
  }

  /** JWT_SECRET, or else a secret generated for this installation and kept in JWT_SECRET_FILE. */
  get jwtSecret(): string {
    const secret = this.get('JWT_SECRET');
    if (secret) return secret;
    if (this.generatedJwtSecret) return this.generatedJwtSecret;
    const path = resolve(this.get('JWT_SECRET_FILE'));
    const installation = readOrCreateInstallationSecret(path);
    if (installation.created) this.logger.log(`JWT_SECRET is not set: generated a random secret for this installation in ${path}`);
    if (installation.narrowed) this.logger.warn(`${path} was readable by others; it is now readable by its owner only`);
    this.generatedJwtSecret = installation.secret;
    return installation.secret;
  }

  get initialAdmin(): { email: string; password: string; isDevDefault: boolean } {
    const email = this.get('ADMIN_EMAIL');
    const password = this.get('ADMIN_PASSWORD');
    return { email: email ?? 'admin@example.com', password: password ?? 'admin', isDevDefault: !password };
  }
}
