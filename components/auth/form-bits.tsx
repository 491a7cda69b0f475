"use client";
/** The localised messages of the account forms (sign-in, sign-up, profile, tokens); the form pieces are in components/ui. */
import { useTranslations } from "next-intl";

/** The localised message for a failed account action (codes from ActionResult, field keys from zod paths). */
export function useAuthErrors() {
  const t = useTranslations("auth.errors");
  return {
    summary(state: { ok: boolean; code?: string; retryAfter?: number } | null): string | null {
      if (!state || state.ok) return null;
      switch (state.code) {
        case "unauthenticated":
          return t("badCredentials");
        case "forbidden":
          return t("disabled");
        case "rate_limited":
          return t("rateLimited", { minutes: Math.max(1, Math.ceil((state.retryAfter ?? 60) / 60)) });
        case "conflict":
          return t("emailTaken");
        case "invalid":
          return t("invalid");
        default:
          return t("generic");
      }
    },
    field(state: { ok: boolean; code?: string; fieldErrors?: Record<string, string[]> } | null, name: string): string | null {
      if (!state || state.ok || !state.fieldErrors?.[name]) return null;
      if (name === "email" && state.code === "conflict") return t("emailTaken");
      return t.has(`field.${name}` as never) ? t(`field.${name}` as "field.name") : state.fieldErrors[name][0];
    },
  };
}
