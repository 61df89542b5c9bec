import { config as loadDotenv } from 'dotenv';
import { parseEnv, type Env } from './env';

let cached: Env | undefined;

/** Reads `.env` (without overriding the real environment) and validates once per process. */
export function loadEnv(): Env {
  if (!cached) {
    loadDotenv({ quiet: true });
    cached = parseEnv(process.env);
  }
  return cached;
}
