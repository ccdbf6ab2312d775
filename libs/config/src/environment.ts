import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value?: string }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Every variable the platform reads. `.env.example` documents each one; keep the two in step. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  CORS_ORIGINS = '';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  API_DOCS_ENABLED?: boolean;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_POSTGRES_DIR = './data/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 5433;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_SECRET_FILE = './data/jwt-secret';

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PASSWORD_HASH_PARALLELISM = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ACCOUNT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_ADDRESS = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  ADMIN_PASSWORD?: string;

  @IsString()
  STORAGE_DIR = './data/recordings';

  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_RECORDING_SECONDS = 4 * 3600;

  @Transform(toBool)
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  @Transform(toBool)
  @IsBoolean()
  TRANSCRIPTION_WORKER_ENABLED = true;

  @IsIn(['auto', 'whisper', 'pocketsphinx'])
  TRANSCRIBER: 'auto' | 'whisper' | 'pocketsphinx' = 'auto';

  @IsOptional()
  @IsString()
  WHISPER_MODEL?: string;

  @IsOptional()
  @IsString()
  WHISPER_BINARY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  TRANSCRIBE_THREADS = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  TRANSCRIPTION_CONCURRENCY = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  TRANSCRIPTION_ATTEMPTS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  TRANSCRIPTION_TIMEOUT_SECONDS = 3600;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  WORKER_LOCK_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  LOST_JOB_CHECK_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOST_JOB_GRACE_SECONDS = 120;

  @IsString()
  COMPANY_NAMES = '';

  @Transform(toBool)
  @IsBoolean()
  KEEP_UNREDACTED_AUDIO = true;

  @Transform(toBool)
  @IsBoolean()
  SCORING_WORKER_ENABLED = true;

  @Transform(toBool)
  @IsBoolean()
  SAMPLING_SCHEDULER_ENABLED = true;

  @Transform(toBool)
  @IsBoolean()
  COMPLAINT_TIMERS_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  COMPLAINT_SWEEP_SECONDS = 60;

  @Transform(toBool)
  @IsBoolean()
  RETENTION_PURGE_ENABLED = true;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** `json`: one JSON object a line (pino), with the request id; `text`: Nest's coloured lines. Unset: text in development, json otherwise. */
  @IsOptional()
  @IsIn(['json', 'text'])
  LOG_FORMAT?: 'json' | 'text';

  /** Bearer token that may read /metrics from anywhere; unset, only this machine (loopback) may. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;
}

export class EnvironmentError extends Error {}

/** Validates raw environment values; throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new EnvironmentError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`);
  }
  if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) throw new EnvironmentError('Invalid configuration: S3_BUCKET must be set when STORAGE_DRIVER=s3.');
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY)
    throw new EnvironmentError('Invalid configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (then the AWS default chain is used).');
  if (env.NODE_ENV === 'production') {
    const missing = (['JWT_SECRET', 'ADMIN_PASSWORD'] as const).filter((k) => !env[k]);
    if (missing.length) throw new EnvironmentError(`Invalid configuration: ${missing.join(', ')} must be set in production.`);
  }
  return env;
}
