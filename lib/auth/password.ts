/**
 * Passwords: hashing (argon2id, the stored format defined in db/password.ts) and constant-time verification.
 */
import { verify } from "@node-rs/argon2";
import { hashPassword } from "@/db/password";

export { hashPassword };

export const PASSWORD_MIN_LENGTH = 10;

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFKC"));
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown so timing does not reveal accounts. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`));
}
