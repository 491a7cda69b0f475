/**
 * The stored form of users.password_hash: argon2id with the OWASP minimum parameters (m=19456 KiB, t=2, p=1), as a
 * PHC string beginning `$argon2id$v=19$m=19456,t=2,p=1$`. Here, under db/, so the seed can hash demo passwords
 * without importing lib/; lib/auth/password.ts builds sign-in on it.
 */
import { hash } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)
const params = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), params);
}
