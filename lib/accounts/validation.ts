/** Input schemas for accounts: sign-up, profile, password. Messages are English; the forms show localised labels. */
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const passwordSchema = z
  .string({ error: "Please enter a password." })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(256, { error: "At most 256 characters." });

export const nameSchema = z
  .string({ error: "Please enter your name." })
  .trim()
  .min(1, { error: "Please enter your name." })
  .max(100, { error: "At most 100 characters." });

export const phoneSchema = z
  .string()
  .trim()
  .max(32, { error: "At most 32 characters." })
  .refine((v) => v === "" || /^\+?[0-9][0-9 \-()]{4,30}$/.test(v), { error: "Please enter a valid phone number." })
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

export const localeSchema = z.enum(["zh-CN", "en"], { error: "Unknown language." });

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
    currentPassword: z.string({ error: "Please enter your current password." }).min(1, { error: "Please enter your current password." }),
    newPassword: passwordSchema,
    confirmPassword: z.string().optional(),
    /** Keep the API tokens (a checkbox: "on"); by default a password change revokes them with the sessions. */
    keepTokens: z.union([z.boolean(), z.literal("on")]).optional().transform((v) => v === true || v === "on"),
  })
  .refine((v) => v.confirmPassword === undefined || v.confirmPassword === v.newPassword, {
    error: "The two new passwords differ.",
    path: ["confirmPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
