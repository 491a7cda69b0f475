/** Input schemas for accounts: sign-up, profile, password. Messages are keys (errors.*), translated at the boundary. */
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { personNameSchema } from "@/lib/shared/person-name";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const passwordSchema = z
  .string({ error: "errors.enterPassword" })
  .min(PASSWORD_MIN_LENGTH)
  .max(256);

/** A person's name: cleaned, invisible-only and bidi-control names refused (lib/shared/person-name.ts). */
export const nameSchema = personNameSchema(100, { required: "errors.enterName" });

export const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .refine((v) => v === "" || /^\+?[0-9][0-9 \-()]{4,30}$/.test(v), { error: "errors.validPhone" })
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

/** POST /api/v1/auth/token: exchange email + password for a bearer token. */
export const tokenRequestSchema = z.object({
  email: z.string({ error: "errors.enterEmail" }).max(300),
  password: z.string({ error: "errors.enterPassword" }).max(1024),
  name: z.string().trim().max(80).optional(),
});

export const localeSchema = z.enum(["zh-CN", "en"], { error: "errors.unknownLanguage" });

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  organization: optionalText(200),
  position: optionalText(200),
  phone: phoneSchema,
  locale: localeSchema.optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const profileSchema = z.object({
  name: nameSchema,
  organization: optionalText(200),
  position: optionalText(200),
  phone: phoneSchema,
  locale: localeSchema,
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "errors.enterCurrentPassword" }).min(1, { error: "errors.enterCurrentPassword" }),
    newPassword: passwordSchema,
    confirmPassword: z.string().optional(),
    /** Keep the API tokens (a checkbox: "on"); by default a password change revokes them with the sessions. */
    keepTokens: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
  })
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.newPassword, {
    error: "errors.passwordsDiffer",
    path: ["confirmPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
